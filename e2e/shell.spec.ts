import { expect, seriousA11yViolations, test } from './fixtures'

test('the app boots in demo mode with the shell, and / goes to the looks page', async ({
  page,
  shell,
  consoleErrors,
}) => {
  await shell.open('/')
  await expect(page).toHaveURL(/\/looks$/)
  await expect(shell.connectionChip()).toHaveText('Demo data')
  await expect(shell.heading()).toHaveText('Looks')
  const sw = await page.evaluate(
    async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL,
  )
  expect(sw).toContain('mockServiceWorker.js')
  expect(consoleErrors).toEqual([])
})

test('a user moves between Looks, Trash and Settings with the navigation', async ({
  page,
  shell,
  consoleErrors,
}) => {
  await shell.open('/looks')
  await shell.navLink('Settings').click()
  await expect(page).toHaveURL(/\/settings$/)
  await expect(shell.heading()).toHaveText('Settings')
  await expect(page.getByText(/^Ada Admin \(/)).toBeVisible()
  await expect(page.getByText(/26\.12/)).toBeVisible()
  await shell.navLink('Looks').click()
  await expect(shell.heading()).toHaveText('Looks')
  await page.goBack()
  await expect(shell.heading()).toHaveText('Settings')
  expect(consoleErrors).toEqual([])
})

test('an unknown address shows a not-found page with a way back', async ({ page, shell }) => {
  await shell.open('/no/such/page')
  await expect(shell.heading()).toHaveText('Page not found')
  await page.getByRole('link', { name: 'Search looks' }).click()
  await expect(page).toHaveURL(/\/looks$/)
})

test('the theme follows the OS and the toggle switches it', async ({ page, shell }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await shell.open('/settings')
  await expect(shell.themeToggle()).toHaveAccessibleName('Switch to light mode')
  await shell.themeToggle().click()
  await expect(shell.themeToggle()).toHaveAccessibleName('Switch to dark mode')
  await page.reload()
  await expect(shell.themeToggle()).toHaveAccessibleName('Switch to dark mode')
})

test('the demo user switcher signs in as the viewer', async ({ page, shell }) => {
  await shell.open('/settings')
  await shell.switchDemoUser('Viewer')
  await expect(page.getByText(/^Vera Viewer \(/)).toBeVisible()
})

for (const scheme of ['light', 'dark'] as const) {
  test(`the shell has no serious accessibility violations in ${scheme} mode`, async ({ page, shell }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await shell.open('/settings')
    await expect(page.getByText(/^Ada Admin \(/)).toBeVisible()
    expect(await seriousA11yViolations(page)).toEqual([])
  })
}
