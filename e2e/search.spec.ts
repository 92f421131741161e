import { expect, test } from './fixtures'

// Seeded folder ids: Shared › Sales › Pipeline, and Shared › Sales › Regional › EMEA.
const PIPELINE = '4'
const EMEA = '6'

test.describe('Look search', () => {
  test('an analyst finds a look by a word in its description and opens it', async ({
    lookSearch: looks,
    page,
    shell,
    consoleErrors,
  }) => {
    await looks.open()
    await shell.switchDemoUser('Analyst')
    // "decile" is only in the description: "Customers in the top decile of lifetime revenue; …".
    await looks.search('decile')
    const link = looks.resultLink('Top 10% of customers by lifetime value')
    await expect(link).toBeVisible()
    await expect(page).toHaveURL(/[?&]q=decile(&|$)/)
    await link.click()
    await expect(page).toHaveURL(/\/looks\/[^/?]+$/)
    await expect(shell.heading()).toHaveText('Top 10% of customers by lifetime value')
    expect(consoleErrors).toEqual([])
  })

  test('a folder filter and a sort survive reload and Back', async ({ lookSearch: looks, page }) => {
    await looks.open()
    await looks.expandFolder('Shared')
    await looks.chooseFolder('Sales')
    await expect(page.getByText('In “Sales”')).toBeVisible()
    await looks.chooseSort('Views', 'Fewest first')
    await expect(page).toHaveURL(/folder=\d+/)
    await expect(page).toHaveURL(/sort=view_count\+asc/)
    const salesUrl = page.url()

    await page.reload()
    await expect(page.getByText('In “Sales”')).toBeVisible()
    await expect(looks.sortBy()).toHaveText('Views')
    await expect(looks.order()).toHaveText('Fewest first')
    await expect(looks.folder('Sales')).toHaveAttribute('aria-selected', 'true')
    // A fresh load straight from the URL: its first row is what Back must bring again.
    await expect(looks.resultLinks().first()).toBeVisible()
    await looks.settled()
    const firstRow = await looks.resultLinks().first().textContent()

    // After a reload the tree first shows the path to Sales, then fills in its siblings: wait for them.
    await expect(looks.folder('Customer Success')).toBeVisible()
    await looks.chooseFolder('Marketing')
    await expect(page.getByText('In “Marketing”')).toBeVisible()
    await page.goBack()
    await expect(page).toHaveURL(salesUrl)
    await expect(page.getByText('In “Sales”')).toBeVisible()
    await expect(looks.order()).toHaveText('Fewest first')
    await expect(looks.resultLinks().first()).toHaveText(firstRow ?? '')
  })

  test('a keyboard user browses the folder tree and chooses a folder', async ({
    lookSearch: looks,
    page,
  }) => {
    await looks.open(`?folder=${EMEA}`)
    // A link to a folder opens the tree down to it, and the tree's one Tab stop is that folder.
    const emea = looks.folder('EMEA')
    await expect(emea).toHaveAttribute('aria-selected', 'true')
    await expect(emea).toHaveAttribute('tabindex', '0')
    await emea.focus()
    await page.keyboard.press('ArrowLeft') // to Regional
    await page.keyboard.press('ArrowLeft') // closes Regional
    await expect(looks.folder('Regional')).toHaveAttribute('aria-expanded', 'false')
    await page.keyboard.press('ArrowUp')
    await expect(looks.folder('Pipeline')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByText('In “Pipeline”')).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`folder=${PIPELINE}(&|$)`))
    await expect(looks.folder('Pipeline')).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('Home')
    await expect(looks.folder('All folders')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page).not.toHaveURL(/folder=/)
    await expect(looks.folder('All folders')).toHaveAttribute('aria-selected', 'true')
  })

  test('the results never show a look from the trash', async ({ lookSearch: looks, page }) => {
    // "Old pipeline snapshot (deprecated)" sits soft-deleted in Shared/Sales/Pipeline.
    await looks.open()
    await looks.expandFolder('Shared')
    await looks.expandFolder('Sales')
    await looks.chooseFolder('Pipeline')
    await expect(page.getByText('In “Pipeline”')).toBeVisible()
    await expect(looks.resultLinks().first()).toBeVisible()
    await expect(looks.resultLink('Old pipeline snapshot (deprecated)')).toHaveCount(0)

    await looks.chooseFolder('All folders')
    await looks.search('snapshot')
    await expect(page).toHaveURL(/q=snapshot/)
    await looks.settled()
    await expect(looks.results().or(looks.emptyMessage())).toBeVisible()
    await expect(looks.resultLink('Old pipeline snapshot (deprecated)')).toHaveCount(0)
    await looks.search('superseded')
    await expect(page).toHaveURL(/q=superseded/)
    await looks.settled()
    await expect(looks.results().or(looks.emptyMessage())).toBeVisible()
    await expect(looks.resultLink('Q3 board pack revenue (superseded)')).toHaveCount(0)
  })

  test('a malformed link falls back to defaults with a notice instead of crashing', async ({
    lookSearch: looks,
    page,
  }) => {
    await looks.open('?sort=bogus&page=-1&q=revenue')
    await expect(looks.notice()).toContainText('sort, page')
    await expect(page).toHaveURL(/\/looks\?q=revenue$/)
    await expect(looks.searchBox()).toHaveValue('revenue')
    await expect(looks.resultLinks().first()).toBeVisible()
  })
})
