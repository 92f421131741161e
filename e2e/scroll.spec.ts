import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const scrollY = (page: Page) => page.evaluate(() => window.scrollY)

test.describe('scroll position across navigation', () => {
  test('a look opened from low in the list opens at the top, and Back returns to the same place', async ({
    lookSearch: looks,
    page,
  }) => {
    await looks.open('?size=100')
    await looks.settled()
    const row = looks.resultLinks().nth(89)
    await row.scrollIntoViewIfNeeded()
    const listY = await scrollY(page)
    expect(listY).toBeGreaterThan(1000)
    const title = (await row.textContent()) ?? ''

    await row.click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    expect(await scrollY(page)).toBe(0)
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport()

    await page.goBack()
    await expect(looks.resultLinks().nth(89)).toHaveText(title)
    await expect.poll(() => scrollY(page)).toBe(listY)
  })

  test('the next page of results starts at the top; typing a search keeps the place', async ({
    lookSearch: looks,
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await looks.open()
    await looks.settled()
    await page.getByRole('button', { name: 'Next page' }).click()
    await expect(page).toHaveURL(/[?&]page=2/)
    await expect.poll(() => scrollY(page)).toBe(0)

    // On a phone the search field sits below the folder panel: a search must not jump back above it.
    await looks.searchBox().scrollIntoViewIfNeeded()
    await page.evaluate(() => window.scrollBy(0, 100))
    const y = await scrollY(page)
    expect(y).toBeGreaterThan(0)
    await looks.searchBox().pressSequentially('e')
    await expect(page).toHaveURL(/[?&]q=e(&|$)/)
    await looks.settled()
    expect(await scrollY(page)).toBe(y)
  })
})
