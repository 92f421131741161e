import { expect, seriousA11yViolations, test } from './fixtures'
import type { Page } from '@playwright/test'

// Short simulated renders keep the suite quick; the durations are read once, when the page loads.
const FAST = 'sim_render=800-1500'

/** Every content_thumbnail request the page makes from now on (the demo's service worker answers them). */
function thumbnailRequests(page: Page) {
  const seen: URL[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.includes('/content_thumbnail/')) seen.push(url)
  })
  return seen
}

/** Mean luminance (0–255) of a loaded <img>, drawn to a canvas in the page. */
async function meanLuminance(page: Page, selector: ReturnType<Page['locator']>) {
  await expect(selector).toHaveJSProperty('complete', true)
  return selector.evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement('canvas')
    canvas.width = img.naturalWidth
    canvas.height = img.naturalHeight
    const context = canvas.getContext('2d')!
    context.drawImage(img, 0, 0)
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
    let sum = 0
    for (let i = 0; i < data.length; i += 4)
      sum += 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]
    return sum / (data.length / 4)
  })
}

test.describe('thumbnails', () => {
  test("search results show each look's thumbnail in light and dark mode", async ({
    page,
    lookSearch,
    shell,
    consoleErrors,
  }) => {
    const requests = thumbnailRequests(page)
    await page.emulateMedia({ colorScheme: 'light' })
    await lookSearch.open()
    await lookSearch.settled()
    const firstRow = lookSearch.results().getByRole('row').nth(1)
    const thumbnail = firstRow.locator('img')
    await expect(thumbnail).toBeVisible()
    const light = await meanLuminance(page, thumbnail)
    const rows = await lookSearch.results().getByRole('row').count()
    // Rows ask as they come into view: never more than one request per row of the page.
    const firstVisit = requests.length
    expect(firstVisit).toBeGreaterThan(0)
    expect(firstVisit).toBeLessThanOrEqual(rows - 1)
    expect(requests.every((url) => url.searchParams.get('theme') === 'light')).toBe(true)
    expect(new Set(requests.map((url) => url.pathname)).size).toBe(firstVisit)

    // To a look and Back: the same looks, unchanged, ask for nothing again.
    await lookSearch.resultLinks().first().click()
    await page.getByRole('tab', { name: 'Overview' }).waitFor()
    await page.goBack()
    await expect(thumbnail).toBeVisible()
    await lookSearch.settled()
    const secondVisit = requests.length - firstVisit
    // The look page's header shows the same look's picture: cached too (an SVG, the same at any size).
    expect(secondVisit).toBe(0)
    console.log(
      `thumbnail requests: first visit ${firstVisit} (of ${rows - 1} rows), back again ${secondVisit}`,
    )

    await shell.themeToggle().click()
    await expect(shell.themeToggle()).toHaveAccessibleName('Switch to light mode')
    await expect
      .poll(() => requests.filter((url) => url.searchParams.get('theme') === 'dark').length)
      .toBeGreaterThan(0)
    await expect(thumbnail).toHaveJSProperty('complete', true)
    await expect.poll(() => meanLuminance(page, thumbnail)).toBeLessThan(light - 40)
    expect(consoleErrors).toEqual([])
  })
})

test.describe('dashboards', () => {
  test('an analyst finds a LookML dashboard and renders it as an A4 landscape PDF, shown inline', async ({
    page,
    dashboards,
    shell,
    consoleErrors,
  }) => {
    await dashboards.open(`?${FAST}`)
    await shell.switchDemoUser('Analyst')
    await dashboards.tab('LookML dashboards').click()
    await expect(page).toHaveURL(/kind=lookml/)
    await dashboards.searchBox().fill('pulse')
    await dashboards.searchBox().press('Enter')
    await expect(page).toHaveURL(/q=pulse/)
    const list = dashboards.list('LookML dashboards')
    await expect(list.getByRole('link')).toHaveCount(1)
    await list.getByRole('link', { name: 'Business Pulse' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Business Pulse' })).toBeVisible()
    expect(decodeURIComponent(new URL(page.url()).pathname)).toMatch(
      /^\/dashboards\/[a-z_]+::business_pulse$/,
    )

    await expect(dashboards.renderSetting('Format')).toHaveText('PDF')
    await dashboards.choose('Paper size', 'A4')
    await dashboards.render().getByLabel('Landscape').check()
    await dashboards.render().getByRole('button', { name: 'Render dashboard' }).click()
    await expect(dashboards.pdfPages()).toBeVisible({ timeout: 20_000 })
    await expect(page.getByText(/PDF · A4, landscape, tiled/)).toBeVisible()
    const first = dashboards.pdfPages().getByRole('img', { name: /^Page 1 of \d+$/ })
    await expect(first).toHaveAttribute('data-drawn', 'true', { timeout: 10_000 })
    const drawn = await first.evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
      let ink = 0
      for (let i = 0; i < data.length; i += 4)
        if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) ink++
      return { width: canvas.width, height: canvas.height, ink: ink / (data.length / 4) }
    })
    // A4 landscape: √2 wider than high; and the page is drawn (tiles, titles), not a blank sheet.
    expect(drawn.width / drawn.height).toBeCloseTo(Math.SQRT2, 1)
    expect(drawn.ink).toBeGreaterThan(0.02)
    expect(consoleErrors).toEqual([])
  })

  test('a dashboard page lists the looks it uses and links to them', async ({ page, dashboards }) => {
    await dashboards.open('?q=marketing+funnel')
    await dashboards.list('Dashboards').getByRole('link', { name: 'Marketing Funnel' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Marketing Funnel' })).toBeVisible()
    const look = dashboards.usedLooks().getByRole('link', { name: 'Conversion % by channel' })
    await look.click()
    await expect(page.getByRole('heading', { level: 1, name: 'Conversion % by channel' })).toBeVisible()
    // And back: the look's page links to the dashboards it is on.
    await page
      .getByRole('region', { name: 'Used in dashboards' })
      .getByRole('link', { name: 'Marketing Funnel' })
      .click()
    await expect(page.getByRole('heading', { level: 1, name: 'Marketing Funnel' })).toBeVisible()
  })

  for (const scheme of ['light', 'dark'] as const) {
    test(`the dashboards pages have no serious accessibility violations in ${scheme} mode`, async ({
      page,
      dashboards,
    }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await dashboards.open()
      await expect(dashboards.list('Dashboards')).toBeVisible()
      expect(await seriousA11yViolations(page)).toEqual([])
      await dashboards.list('Dashboards').getByRole('link', { name: 'Sales Overview' }).click()
      await expect(dashboards.render().getByRole('button', { name: 'Render dashboard' })).toBeVisible()
      expect(await seriousA11yViolations(page)).toEqual([])
    })
  }
})
