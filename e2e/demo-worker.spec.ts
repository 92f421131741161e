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
