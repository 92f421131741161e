import { expect, test } from './fixtures'

const LOOK = '1'

// msw's worker tells its service worker "client closed" on every beforeunload, even when the user then
// answers Stay in the unsaved-changes prompt; the demo must keep answering from the simulator after that.
test('staying on the page after the tab-close prompt keeps the demo simulator answering', async ({
  lookPage: look,
  page,
  consoleErrors,
}) => {
  const notSimulated: string[] = []
  page.on('response', (res) => {
    if (res.url().includes('/api/4.0/') && !res.fromServiceWorker()) notSimulated.push(res.url())
  })
  await look.open(LOOK)

  for (const title of ['Renamed after staying once', 'Renamed after staying twice']) {
    await look.action('Edit').click()
    await look.titleField().fill(title)
    const prompted = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type())
        void dialog.dismiss()
      }),
    )
    await page.close({ runBeforeUnload: true })
    expect(await prompted).toBe('beforeunload')
    // Saving straight away: the request must wait for the simulator, not reach the preview server.
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(look.snackbar('Your changes were saved.')).toBeVisible()
    await expect(look.heading()).toHaveText(title)
    expect(await look.simulatorLook(LOOK)).toMatchObject({ title })
  }

  // A real reload afterwards still starts the simulator, with the saved change kept.
  await page.reload()
  await expect(look.heading()).toHaveText('Renamed after staying twice')
  expect(await look.simulatorLook(LOOK)).toMatchObject({ title: 'Renamed after staying twice' })
  expect(notSimulated).toEqual([])
  expect(consoleErrors).toEqual([])
})

// Issue 17, defect 5: after quick full-page loads, msw starts an update of the existing worker registration
// without catching its failure; when that registration's worker is unregistering itself (its last page
// has gone), the update rejects: an uncaught "Failed to update a ServiceWorker … mockServiceWorker.js:
// Not found". The race is timing-bound, so the test makes every update fail the way Chromium does then.
test('a failing update of the demo worker on a reload is no uncaught page error, and the demo keeps answering', async ({
  renderPanel: panel,
  lookPage: look,
  page,
  consoleErrors,
}) => {
  await page.addInitScript(() => {
    ServiceWorkerRegistration.prototype.update = function () {
      const url = this.active?.scriptURL ?? ''
      return Promise.reject(
        new TypeError(
          `Failed to update a ServiceWorker for scope ('${this.scope}') with script ('${url}'): Not found`,
        ),
      )
    }
  })
  await panel.open('1')
  for (let i = 0; i < 3; i++) await page.reload()
  await panel.open('1')
  await expect(look.heading()).toHaveText(/\S/)
  expect(await look.simulatorLook('1')).toMatchObject({ deleted: false })
  // An unhandled rejection surfaces a moment after the load that started it.
  await page.waitForTimeout(300)
  expect(consoleErrors).toEqual([])
})
