import { expect, test } from './fixtures'

// Seeded looks: 3 is "Top 10% of customers by lifetime value" in Shared › Sales (the analyst may edit
// Sales and Marketing); 11 is "Q3 board pack revenue (superseded)", in the trash.
const SALES_LOOK = '3'
const TRASHED_LOOK = '11'

test('an analyst renames a look and moves it to another folder', async ({
  lookPage: look,
  page,
  shell,
  consoleErrors,
}) => {
  await shell.open('/settings')
  await shell.switchDemoUser('Analyst')
  await expect(page.getByText(/^Andy Analyst \(/)).toBeVisible()
  await look.open(SALES_LOOK)
  await expect(look.heading()).toHaveText('Top 10% of customers by lifetime value')
  await expect(look.folderPath().getByRole('link', { name: 'Sales' })).toBeVisible()

  await look.rename('Top customers by lifetime value')
  await expect(look.heading()).toHaveText('Top customers by lifetime value')
  await expect(look.snackbar('Your changes were saved.')).toBeVisible()

  await look.sendToFolder('Move', 'Marketing')
  await expect(look.snackbar('Moved to “Marketing”.')).toBeVisible()
  await expect(look.folderPath().getByRole('link', { name: 'Marketing' })).toBeVisible()
  await expect(look.folderPath().getByRole('link', { name: 'Sales' })).toHaveCount(0)

  // What the simulator kept, not just what the page shows.
  expect(await look.simulatorLook(SALES_LOOK)).toMatchObject({
    title: 'Top customers by lifetime value',
    folder_id: '9',
    deleted: false,
  })
  expect(consoleErrors).toEqual([])
})

test('a soft delete can be undone', async ({ lookPage: look, page, shell }) => {
  await shell.open('/settings')
  await shell.switchDemoUser('Analyst')
  await expect(page.getByText(/^Andy Analyst \(/)).toBeVisible()
  await look.open(SALES_LOOK)
  await look.action('Delete').click()
  await expect(look.trashBanner()).toBeVisible()
  await expect.poll(async () => (await look.simulatorLook(SALES_LOOK))?.deleted).toBe(true)
  const notice = look.snackbar(/to the trash/)
  await expect(notice).toBeVisible()
  await notice.getByRole('button', { name: 'Undo' }).click()
  await expect(look.snackbar(/^Restored “Top 10%/)).toBeVisible()
  await expect(look.trashBanner()).toHaveCount(0)
  await expect(look.action('Delete')).toBeEnabled()
  expect(await look.simulatorLook(SALES_LOOK)).toMatchObject({ deleted: false })
})

test('a viewer cannot edit, move or delete', async ({ lookPage: look, page, shell }) => {
  await shell.open('/settings')
  await shell.switchDemoUser('Viewer')
  await expect(page.getByText(/^Vera Viewer \(/)).toBeVisible()
  await look.open(SALES_LOOK)
  await expect(look.heading()).toHaveText('Top 10% of customers by lifetime value')
  for (const action of ['Edit', 'Move', 'Delete'] as const) await expect(look.action(action)).toBeDisabled()
  await look.action('Edit').hover()
  await expect(page.getByRole('tooltip')).toHaveText(/not edit it: editing needs edit access to its folder/)
  await look.action('Edit').click({ force: true })
  await expect(look.titleField()).toHaveCount(0)
})

test('a look in the trash opens with a restore banner', async ({ lookPage: look, shell }) => {
  await shell.open('/settings')
  await look.open(TRASHED_LOOK)
  await expect(look.heading()).toHaveText('Q3 board pack revenue (superseded)')
  await expect(look.trashBanner()).toBeVisible()
  for (const action of ['Edit', 'Copy', 'Move'] as const) await expect(look.action(action)).toBeDisabled()
  await look.trashBanner().getByRole('button', { name: 'Restore' }).click()
  await expect(look.trashBanner()).toHaveCount(0)
  await expect(look.action('Edit')).toBeEnabled()
  expect(await look.simulatorLook(TRASHED_LOOK)).toMatchObject({ deleted: false })
})
