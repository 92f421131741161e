import type { Page } from '@playwright/test'
import { readSheetCells, readZip } from '../src/looker-sim/core/run/test-support'
import { AdjustPanel } from './pages/AdjustPanel'
import { expect, test } from './fixtures'

// Seeded looks: 5 is "Gross margin % — board view" (finance · ledger, filtered on Region "Americas,APAC") in
// Shared › Finance › Board, which the analyst may not edit; 1 is "Conversion % by channel" (marketing ·
// sessions, Device "mobile") in Shared › Marketing › Web, which the analyst may edit.
const BOARD_LOOK = '5'
const CHANNEL_LOOK = '1'
const FAST = { sim_render: '400-900' }

/** The writes and runs the page sends, in order ("POST /queries"), for the flows' request lists. */
function recordRequests(page: Page) {
  const sent: string[] = []
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname.replace('/api/4.0', '')
    if (!r.url().includes('/api/4.0/') || path === '/login') return
    if (r.method() !== 'GET' || /\/run\/|\/lookml_models\//.test(path)) sent.push(`${r.method()} ${path}`)
  })
  return sent
}

async function as(
  page: Page,
  shell: { open(p: string): Promise<void>; switchDemoUser(u: 'Analyst' | 'Viewer' | 'Admin'): Promise<void> },
  user: 'Analyst' | 'Viewer',
  name: string,
) {
  await shell.open('/settings')
  await shell.switchDemoUser(user)
  await expect(page.getByText(new RegExp(`^${name} \\(`))).toBeVisible()
}

test.describe('adjust a look', () => {
  test('an analyst previews a look for another region and saves it as a new look in their folder', async ({
    page,
    shell,
    renderPanel,
    lookPage,
    consoleErrors,
  }) => {
    const adjust = new AdjustPanel(page)
    await as(page, shell, 'Analyst', 'Andy Analyst')
    await renderPanel.open(BOARD_LOOK, FAST)
    await expect(adjust.heading()).toHaveText('Saved look')
    const sent = recordRequests(page)

    await adjust.button('Adjust').click()
    await adjust.filter('Ledger Region').fill('EMEA')
    await adjust.preview().click()
    await expect(adjust.heading()).toHaveText('Adjusted variant')
    await expect(adjust.chips()).toHaveText(['Ledger Region is EMEA (was Americas,APAC)'])
    await expect(page).toHaveURL(/f%5Bledger\.region%5D=EMEA|f\[ledger\.region\]=EMEA/)
    await expect(adjust.button('Save as new look')).toBeEnabled()

    await renderPanel.renderButton().click()
    await expect(page.getByRole('img', { name: /^Rendered look: Gross margin/ })).toBeVisible()
    await expect(page.getByRole('heading', { name: /^Adjusted: Ledger Region is EMEA/ })).toBeVisible()

    await adjust.button('Save as new look').click()
    const dialog = adjust.dialog('Save as a new look')
    const title = dialog.getByRole('textbox', { name: 'Title' })
    await expect(title).toHaveValue('Gross margin % — board view (Region EMEA)')
    await title.fill('Gross margin % — EMEA')
    await expect(dialog.getByText('Andy Analyst (your personal folder)')).toBeVisible()
    await dialog.getByRole('button', { name: 'Save', exact: true }).click()

    await expect(lookPage.heading()).toHaveText('Gross margin % — EMEA')
    await expect(page).toHaveURL(/\/looks\/(?!5\/)\d+\/render/)
    await expect(adjust.heading()).toHaveText('Saved look')
    const newId = /\/looks\/(\d+)\//.exec(page.url())?.[1] ?? ''
    const saved = await adjust.simulatorQueryOfLook(newId)
    expect(saved.query?.filters).toEqual({ 'ledger.region': 'EMEA' })
    // The board look itself is untouched.
    expect((await adjust.simulatorQueryOfLook(BOARD_LOOK)).query?.filters).toEqual({
      'ledger.region': 'Americas,APAC',
    })
    expect(sent.filter((r) => r.startsWith('POST'))).toEqual([
      'POST /queries',
      expect.stringMatching(/^POST \/render_tasks\/queries\/\d+\/png$/),
      'POST /looks',
    ])
    expect(consoleErrors).toEqual([])
  })

  test('a title already used in the folder is refused under Title, and the form keeps the edits', async ({
    page,
    shell,
    renderPanel,
  }) => {
    const adjust = new AdjustPanel(page)
    await as(page, shell, 'Analyst', 'Andy Analyst')
    await renderPanel.open(BOARD_LOOK, { ...FAST, 'f[ledger.region]': 'EMEA' })
    await adjust.button('Save as new look').click()
    const dialog = adjust.dialog('Save as a new look')
    const title = dialog.getByRole('textbox', { name: 'Title' })
    // The analyst's own folder already has a look with this title (seeded look 6).
    await title.fill("Andy's scratchpad")
    await dialog.getByRole('textbox', { name: 'Description' }).fill('EMEA only')
    await dialog.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(title).toHaveAccessibleDescription(/already/i)
    await expect(dialog.getByRole('textbox', { name: 'Description' })).toHaveValue('EMEA only')
    await expect(page).toHaveURL(/\/looks\/5\/render/)
  })

  test('a link to an adjusted preview shows the same variant', async ({ page, shell, browser }) => {
    const adjust = new AdjustPanel(page)
    await as(page, shell, 'Analyst', 'Andy Analyst')
    await page.goto(`/looks/${CHANNEL_LOOK}/data`)
    await adjust.button('Adjust').click()
    await adjust.filter('Sessions Device').fill('desktop')
    await adjust.addFilter('sessions.channel', 'Email', 'Sessions Channel')
    await adjust.rowLimit().fill('10')
    await adjust.preview().click()
    const chips = [
      'Sessions Device is desktop (was mobile)',
      'Sessions Channel is Email',
      'Row limit 10 (was 5000)',
    ]
    await expect(adjust.chips()).toHaveText(chips)
    await expect(page.getByText('10 rows', { exact: true })).toBeVisible()
    const link = page.url()

    // Someone else opens the link in a fresh browser: the same changes, and Looker's same query.
    const other = await browser.newPage()
    const otherAdjust = new AdjustPanel(other)
    const bodies: string[] = []
    other.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/4.0/queries')) bodies.push(r.postData() ?? '')
    })
    await other.goto(link)
    await expect(otherAdjust.chips()).toHaveText(chips)
    await expect(other.getByText('10 rows', { exact: true })).toBeVisible()
    expect(JSON.parse(bodies[0] ?? '{}')).toMatchObject({
      filters: { 'sessions.device_type': 'desktop', 'sessions.channel': 'Email' },
      limit: '10',
    })
    // The variant follows to the Render tab.
    await other.getByRole('tab', { name: 'Render' }).click()
    await expect(otherAdjust.chips()).toHaveText(chips)
    // Reset shows the saved look again, and the URL says so.
    await otherAdjust.button('Reset to the saved look').click()
    await expect(otherAdjust.heading()).toHaveText('Saved look')
    expect(other.url()).not.toContain('limit=')
    await other.close()
  })

  test('a viewer cannot save a variant', async ({ page, shell }) => {
    const adjust = new AdjustPanel(page)
    await as(page, shell, 'Viewer', 'Vera Viewer')
    let creates = 0
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/api\/4\.0\/(queries|looks)$/.test(r.url())) creates++
    })
    // Even a link to a variant shows the saved look: the viewer's role may not make queries.
    await page.goto(`/looks/${BOARD_LOOK}/render?f[ledger.region]=EMEA`)
    await expect(
      page.getByText(/This link shows an adjusted variant of the look, which you cannot see/),
    ).toBeVisible()
    await expect(adjust.heading()).toHaveText('Saved look')
    await expect(adjust.button('Adjust')).toBeDisabled()
    await expect(adjust.button('Save as new look')).toHaveCount(0)
    await expect(adjust.button('Apply to this look')).toHaveCount(0)
    expect(creates).toBe(0)
  })

  test('an editor applies new filters to a look and undoes it', async ({ page, shell, lookPage }) => {
    const adjust = new AdjustPanel(page)
    await as(page, shell, 'Analyst', 'Andy Analyst')
    const before = await adjust.simulatorQueryOfLook(CHANNEL_LOOK)
    await page.goto(`/looks/${CHANNEL_LOOK}/data`)
    await adjust.button('Adjust').click()
    await adjust.filter('Sessions Device').fill('desktop')
    await adjust.preview().click()
    await adjust.button('Apply to this look').click()
    const dialog = adjust.dialog('Apply the changes to this look?')
    const table = dialog.getByRole('table', { name: 'Before and after' })
    await expect(table.getByRole('row', { name: /Sessions Device/ })).toContainText('mobile')
    await expect(table.getByRole('row', { name: /Sessions Device/ })).toContainText('desktop')
    await dialog.getByRole('button', { name: 'Apply to this look' }).click()

    await expect(adjust.heading()).toHaveText('Saved look')
    const applied = await adjust.simulatorQueryOfLook(CHANNEL_LOOK)
    expect(applied.queryId).not.toBe(before.queryId)
    expect(applied.query?.filters).toEqual({ 'sessions.device_type': 'desktop' })

    const notice = lookPage.snackbar(/^Applied to “Conversion % by channel”/)
    await notice.getByRole('button', { name: 'Undo' }).click()
    await expect(lookPage.snackbar(/^Undone/)).toBeVisible()
    expect((await adjust.simulatorQueryOfLook(CHANNEL_LOOK)).queryId).toBe(before.queryId)
    // Back on the adjusted view the user had before applying.
    await expect(adjust.chips()).toHaveText(['Sessions Device is desktop (was mobile)'])
  })

  test("a CSV download with all results has every row and the look's column labels", async ({
    page,
    shell,
  }) => {
    const adjust = new AdjustPanel(page)
    await as(page, shell, 'Analyst', 'Andy Analyst')
    // What the Data tab shows of the look (its result is smaller than 1,000 rows): the labels and row count.
    await page.goto(`/looks/${CHANNEL_LOOK}/data?rows=1000`)
    const table = page.getByRole('table', { name: /^Data for/ })
    await expect(table).toBeVisible()
    const labels = await table.getByRole('columnheader').allInnerTexts()
    const count = Number(
      /^(\d+) rows$/.exec(
        (await page
          .getByRole('paragraph')
          .filter({ hasText: /^\d+ rows$/ })
          .innerText()) ?? '',
      )?.[1],
    )
    expect(count).toBeGreaterThan(10)

    const sent = recordRequests(page)
    await adjust.button('Download…').click()
    const dialog = adjust.dialog('Download')
    await expect(dialog.getByRole('combobox', { name: 'Format' })).toHaveText('CSV')
    await dialog.getByRole('radio', { name: 'All results' }).check()
    const file = await adjust.download()
    expect(file.name).toBe('Conversion % by channel-all-rows.csv')
    const lines = file.bytes.toString('utf8').trimEnd().split(/\r?\n/)
    expect(lines[0]?.split(',').map((l) => l.replace(/^"|"$/g, ''))).toEqual(labels.map((l) => l.trim()))
    expect(lines.length - 1).toBe(count)
    expect(sent).toEqual(['GET /looks/1/run/csv'])
  })

  test('an XLSX download opens as a workbook', async ({ page, shell }) => {
    const adjust = new AdjustPanel(page)
    await as(page, shell, 'Analyst', 'Andy Analyst')
    await page.goto(`/looks/${CHANNEL_LOOK}/data?limit=10`)
    await expect(adjust.chips()).toHaveText(['Row limit 10 (was 5000)'])
    await adjust.button('Download…').click()
    const dialog = adjust.dialog('Download')
    await dialog.getByRole('combobox', { name: 'Format' }).click()
    await page.getByRole('option', { name: /Excel/ }).click()
    const file = await adjust.download()
    expect(file.name).toBe('Conversion % by channel (top 10).xlsx')
    const entries = await readZip(new Uint8Array(file.bytes))
    const names = entries.map((e) => e.name)
    expect(names).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']),
    )
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')
    const rows = readSheetCells(new TextDecoder().decode(sheet?.data))
    // A header row and the variant's 10 rows ("as displayed").
    expect(rows).toHaveLength(11)
    expect(typeof rows[0]?.[0]?.value).toBe('string')
  })
})
