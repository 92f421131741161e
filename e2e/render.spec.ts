import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'

// Short simulated renders keep the suite quick; the durations are read once, when the page loads.
const FAST = { sim_render: '400-900' }

test.describe('render panel', () => {
  test('an analyst renders a look as a 800×600 PNG and sees it inline', async ({
    renderPanel: panel,
    page,
    shell,
    consoleErrors,
  }) => {
    // Long enough for the progress to be seen even when the machine is busy drawing.
    await panel.open('1', { sim_render: '1500-2500' })
    await shell.switchDemoUser('Analyst')
    await panel.chooseFormat('PNG')
    await panel.preset('800 × 600').click()
    await expect(page).toHaveURL(/format=png/)
    await expect(page).toHaveURL(/width=800&height=600/)
    await panel.renderButton().click()
    await expect(panel.progress()).toBeVisible()
    const title = 'Conversion % by channel'
    expect(await panel.naturalSize(title)).toEqual({ width: 800, height: 600 })
    await expect(panel.progress()).toBeHidden()
    await expect(page.getByText(/query \d+\.\d s · render \d+\.\d s/)).toBeVisible()
    expect(consoleErrors).toEqual([])
  })

  test('a JPEG render downloads with the right name', async ({ renderPanel: panel, page }) => {
    await panel.open('2', { ...FAST, format: 'jpg', width: '1200', height: '628' })
    await expect(panel.format()).toHaveText('JPEG')
    await panel.renderButton().click()
    await panel.image('utm_source breakdown').waitFor()
    const downloading = page.waitForEvent('download')
    await panel.downloadButton().click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('utm_source breakdown-1200x628.jpg')
    const bytes = await readFile(await download.path())
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]) // a JPEG's SOI marker
  })

  test('sizes out of bounds are refused before any request', async ({ renderPanel: panel, page }) => {
    await panel.open('2', FAST)
    let creates = 0
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/render_tasks/')) creates++
    })
    await panel.setSize(50, 600)
    await expect(page.getByText('Must be between 100 and 4096 pixels.')).toBeVisible()
    await expect(panel.renderButton()).toBeDisabled()
    expect(creates).toBe(0)
  })

  test('a failed render shows the reason and can be retried', async ({ renderPanel: panel }) => {
    // Andy's scratchpad times out on its first render of the session (a cold warehouse), then works.
    await panel.open('6', FAST)
    await panel.renderButton().click()
    await expect(panel.alert()).toContainText('The render failed.')
    await expect(panel.alert()).toContainText('Script timed out')
    await panel.alert().getByRole('button', { name: 'Retry' }).click()
    await expect(panel.image("Andy's scratchpad")).toBeVisible()
    await expect(panel.alert()).toBeHidden()
  })

  test('leaving the page stops polling', async ({ renderPanel: panel, page, shell }) => {
    test.setTimeout(60_000)
    // A long render, so the loop polls (and would keep polling) until well after we leave.
    await panel.open('3', { sim_render: '15000-16000' })
    const statusRequests: { url: string; at: number }[] = []
    page.on('request', (r) => {
      if (/\/render_tasks\/\d+$/.test(new URL(r.url()).pathname))
        statusRequests.push({ url: r.url(), at: Date.now() })
    })
    await panel.renderButton().click()
    await expect(panel.progress()).toContainText(/Queued|Querying|Waiting|Rendering/)
    // Polling is under way (and visible to this listener) before we leave: two looks, planned from the
    // task's progress, so a few seconds apart.
    await expect.poll(() => statusRequests.length, { timeout: 15_000 }).toBeGreaterThan(1)
    await shell.navLink('Looks').click()
    await expect(page).toHaveURL(/\/looks(\?|$)/)
    // The URL changes first; the render tab stays mounted, and rightly polling, until the Looks page has
    // rendered (0.1–0.2 s on a loaded machine, up to 2 s with the CPU slowed 4×). Left means gone.
    await panel.settings().waitFor({ state: 'detached' })
    const leftAt = Date.now()
    // A window longer than the longest wait the pacing ever plans (5 s), while the task still runs: a loop
    // that went on would have looked in it.
    await page.waitForTimeout(6_000)
    // A request already in flight at the click may still be reported a moment later; nothing new after that.
    expect(statusRequests.filter((r) => r.at > leftAt + 250)).toEqual([])
  })

  test('cancel stops a render and ignores its result', async ({ renderPanel: panel, page }) => {
    await panel.open('3', { sim_render: '3000-3500' })
    await panel.renderButton().click()
    await expect(panel.progress()).toBeVisible()
    await panel.cancelButton().click()
    await expect(panel.progress()).toBeHidden()
    // Past the moment the cancelled render (3–3.5 s) would have finished: nothing may show up then.
    await page.waitForTimeout(4_000)
    await expect(panel.image('Top 10% of customers by lifetime value')).toHaveCount(0)
  })
})

test.describe('data preview', () => {
  test("the data preview shows the look's rows and exports CSV", async ({ renderPanel: panel, page }) => {
    await page.goto('/looks/2/data')
    const table = panel.dataTable('utm_source breakdown')
    await expect(table).toBeVisible()
    const rows = table.getByRole('row')
    expect(await rows.count()).toBeGreaterThan(2)
    const header = await rows.first().getByRole('columnheader').allInnerTexts()
    expect(header.length).toBeGreaterThan(1)
    const downloading = page.waitForEvent('download')
    await panel.exportAs('CSV')
    const download = await downloading
    expect(download.suggestedFilename()).toBe('utm_source breakdown-50-rows.csv')
    const csv = (await readFile(await download.path(), 'utf8')).trim().split('\n')
    expect(csv[0]).toContain(header[0]?.trim() ?? '?')
    expect(csv).toHaveLength(await rows.count())
  })
})

test.describe('dashboard renders', () => {
  test('an analyst renders a dashboard that uses the look as a landscape PDF', async ({
    renderPanel: panel,
    page,
    shell,
    consoleErrors,
  }) => {
    // Look 1, "Conversion % by channel", is a tile of the Marketing Funnel dashboard.
    await panel.open('1', { sim_render: '2000-3000' })
    await shell.switchDemoUser('Analyst')
    const statuses: string[] = []
    page.on('response', (response) => {
      if (!/\/render_tasks\/\d+$/.test(new URL(response.url()).pathname)) return
      response.json().then(
        (task: { status?: string; dashboard_id?: string | null }) => {
          if (task.dashboard_id) statuses.push(task.status ?? '?')
        },
        () => {},
      )
    })
    await expect(panel.dashboardChoice()).toHaveText('Marketing Funnel')
    await expect(panel.dashboardFormat()).toHaveText('PDF')
    await panel.chooseIn(panel.paperSize(), 'A4')
    await panel.landscape().check()
    await panel.layout('Tiled').check()
    await panel.renderDashboardButton().click()
    await expect(panel.dashboardProgress()).toBeVisible()
    // A dashboard renders its tiles' queries and then 2–3 s of render, polled: past the 7 s default.
    await expect(panel.renderedDashboard('Marketing Funnel')).toBeVisible({ timeout: 15_000 })
    await expect(panel.dashboardProgress()).toBeHidden()
    await expect(page.getByText(/PDF · A4, landscape, tiled/)).toBeVisible()
    // Each status is read from its response asynchronously (response.json() is one more round trip to the
    // browser): wait for the last one to be read rather than assume it already has been.
    await expect.poll(() => statuses.at(-1)).toBe('success')

    const downloading = page.waitForEvent('download')
    await panel.dashboardDownloadButton().click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('Marketing Funnel-a4-landscape-tiled.pdf')
    const bytes = await readFile(await download.path())
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(consoleErrors).toEqual([])
  })
})

test('a preview shows the image at its true size, and a wider one fits, with a toggle for true size', async ({
  renderPanel: panel,
  page,
}) => {
  await panel.open('2', { ...FAST, width: '800', height: '600' })
  await panel.renderButton().click()
  const image = panel.image('utm_source breakdown')
  await expect(image).toBeVisible()
  // One image pixel per CSS pixel: not stretched to the panel's ~1230 px.
  expect((await image.boundingBox())?.width).toBe(800)
  await expect(page.getByText(/^800 × 600 px · [\d.]+ KB · shown at true size$/)).toBeVisible()
  await expect(page.getByRole('switch', { name: 'Fit' })).toHaveCount(0)

  await panel.preset(/1920 × 1080/).click()
  await panel.renderButton().click()
  await expect(page.getByText(/^1920 × 1080 px · [\d.]+ KB · shown at \d+ % to fit$/)).toBeVisible()
  const fitted = (await image.boundingBox())?.width ?? 0
  expect(fitted).toBeLessThan(1280)
  const fit = page.getByRole('switch', { name: 'Fit' })
  await expect(fit).toBeChecked()
  await fit.uncheck()
  await expect(page.getByText(/^1920 × 1080 px · [\d.]+ KB · shown at true size$/)).toBeVisible()
  expect((await image.boundingBox())?.width).toBe(1920)
  // The true-size image scrolls inside its own box, which takes the keyboard.
  const box = page.getByRole('region', { name: 'Rendered look: utm_source breakdown, at true size' })
  await expect(box).toBeVisible()
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
})
