import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 800 }

/** How far the page scrolls sideways: 0 when nothing is wider than the viewport. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

test.describe('no sideways scrolling', () => {
  for (const [name, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    test(`the looks list fits a ${name} screen`, async ({ lookSearch: looks, page }) => {
      await page.setViewportSize(size)
      await looks.open()
      await expect(looks.resultLinks().first()).toBeVisible()
      expect(await sidewaysOverflow(page)).toBe(0)
    })
  }

  for (const tab of ['', 'render', 'data']) {
    test(`on a phone the look page${tab ? ` (${tab})` : ''} wraps its title and puts the actions under it`, async ({
      lookPage: look,
      page,
    }) => {
      await page.setViewportSize(PHONE)
      await look.open('1', tab)
      await expect(look.heading()).toHaveText('Conversion % by channel')
      expect(await sidewaysOverflow(page)).toBe(0)
      // The title keeps most of the width (it was squeezed to one letter a line) and the actions sit below it.
      const title = (await look.heading().boundingBox())!
      expect(title.width).toBeGreaterThan(PHONE.width / 2)
      for (const action of ['Edit', 'Copy', 'Move', 'Delete'] as const) {
        const box = (await look.action(action).boundingBox())!
        expect(box.y).toBeGreaterThanOrEqual(title.y + title.height)
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width)
      }
    })
  }
})
