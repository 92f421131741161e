import type { Locator, Page } from '@playwright/test'

type Action = 'Edit' | 'Copy' | 'Move' | 'Delete'

/** /looks/:lookId: heading, folder path, actions, the edit form, the folder picker and the snackbar. */
export class LookPage {
  constructor(readonly page: Page) {}

  async open(lookId: string, tab = '') {
    await this.page.goto(`/looks/${lookId}${tab ? `/${tab}` : ''}`)
    await this.page.getByRole('tab', { name: 'Overview' }).waitFor()
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 })
  }

  folderPath() {
    return this.page.getByRole('navigation', { name: 'Folder path' })
  }

  action(name: Action) {
    return this.page.getByRole('button', { name, exact: true })
  }

  titleField() {
    return this.page.getByRole('textbox', { name: 'Title' })
  }

  async rename(title: string) {
    await this.action('Edit').click()
    await this.titleField().fill(title)
    await this.page.getByRole('button', { name: 'Save' }).click()
  }

  folderDialog(title: 'Copy to folder' | 'Move to folder') {
    return this.page.getByRole('dialog', { name: title })
  }

  /** Opens Move (or Copy), finds the folder by name with the picker's search and confirms. */
  async sendToFolder(action: 'Copy' | 'Move', folderName: string) {
    await this.action(action).click()
    const dialog = this.folderDialog(`${action} to folder`)
    await dialog.getByRole('textbox', { name: 'Search folders' }).fill(folderName)
    await dialog.getByRole('option', { name: folderName, exact: true }).click()
    await dialog.getByRole('button', { name: `${action} here` }).click()
  }

  trashBanner(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'This look is in the trash' })
  }

  /**
   * The simulator's own record of a look (demo mode exposes the simulator as `__LOOKER_SIM__`): a state
   * check of what the server kept, independent of what the page shows and of the demo's save debounce.
   */
  simulatorLook(lookId: string) {
    return this.page.evaluate((id) => {
      const sim = (globalThis as { __LOOKER_SIM__?: { store: { look(id: string): unknown } } }).__LOOKER_SIM__
      return sim?.store.look(id) as { title: string; folder_id: string; deleted: boolean } | undefined
    }, lookId)
  }

  snackbar(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text })
  }
}
