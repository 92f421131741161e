import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { AppShellPage } from './pages/AppShellPage'
import { ConnectionPage } from './pages/ConnectionPage'
import { DashboardsPage } from './pages/DashboardsPage'
import { LookPage } from './pages/LookPage'
import { LookSearchPage } from './pages/LookSearchPage'
import { RenderPanel } from './pages/RenderPanel'
import { RestoreBackupPage } from './pages/RestoreBackupPage'
import { TrashPage } from './pages/TrashPage'

/** The page objects, one per screen, each bound to the test's page: specs take them from here. */
interface Fixtures {
  shell: AppShellPage
  lookSearch: LookSearchPage
  lookPage: LookPage
  renderPanel: RenderPanel
  trash: TrashPage
  restoreBackup: RestoreBackupPage
  connection: ConnectionPage
  dashboards: DashboardsPage
  /** Console errors and uncaught page errors seen during the test; asserted empty by tests that care. */
  consoleErrors: string[]
}

export const test = base.extend<Fixtures>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    page.on('pageerror', (e) => errors.push(e.message))
    await use(errors)
  },
  shell: async ({ page }, use) => {
    await use(new AppShellPage(page))
  },
  lookSearch: async ({ page }, use) => {
    await use(new LookSearchPage(page))
  },
  lookPage: async ({ page }, use) => {
    await use(new LookPage(page))
  },
  renderPanel: async ({ page }, use) => {
    await use(new RenderPanel(page))
  },
  trash: async ({ page }, use) => {
    await use(new TrashPage(page))
  },
  restoreBackup: async ({ page }, use) => {
    await use(new RestoreBackupPage(page))
  },
  connection: async ({ page }, use) => {
    await use(new ConnectionPage(page))
  },
  dashboards: async ({ page }, use) => {
    await use(new DashboardsPage(page))
  },
})

export { expect }

/**
 * What one axe scan may add to a test's time. A scan is seconds of work in the page (one of the trash page took
 * up to 14 s on a loaded 2-core machine), so the trash test with two scans used 21 s of the 30 s default and
 * timed out when the CPU was slower still. Each scan brings its own budget instead of eating the test's.
 */
const A11Y_SCAN_BUDGET_MS = 30_000

/** Serious and critical axe violations on the current page, as readable lines. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  test.info().setTimeout(test.info().timeout + A11Y_SCAN_BUDGET_MS)
  await finiteAnimationsSettled(page)
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/**
 * Waits until no finite animation or transition is running. A dialog still fading in has partial opacity, and
 * axe then measures washed-out text as a contrast failure (it happened once on a loaded CI machine).
 * Endless ones (spinners, skeleton pulses) are ignored: they never settle.
 */
async function finiteAnimationsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  )
}
