import { expect, type Page } from '@playwright/test'

/** /looks: the search box, filters, folder tree, results table and pager. */
export class LookSearchPage {
  constructor(readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`/looks${query}`)
    await this.page.getByRole('heading', { level: 1, name: 'Looks' }).waitFor()
  }

  searchBox() {
    return this.page.getByRole('searchbox', { name: 'Search looks' })
  }

  async search(text: string) {
    await this.searchBox().fill(text)
  }

  results() {
    return this.page.getByRole('table', { name: 'Looks' })
  }

  resultLinks() {
    return this.results().getByRole('link')
  }

  resultLink(title: string) {
    return this.results().getByRole('link', { name: title, exact: true })
  }

  /** Waits until no search is in flight (no skeleton, no progress bar). */
  async settled() {
    await this.page.getByRole('progressbar', { name: 'Loading results' }).waitFor({ state: 'detached' })
    await this.page.getByRole('status', { name: 'Loading looks' }).waitFor({ state: 'detached' })
  }

  /** "1–50 of 312", or "No looks on this page". */
  range() {
    return this.page.getByRole('navigation', { name: 'Pages' }).getByRole('status')
  }

  emptyMessage() {
    return this.page.getByRole('heading', { name: 'No looks match' })
  }

  folders() {
    return this.page.getByRole('navigation', { name: 'Folders' })
  }

  /** Opens a folder with the mouse, on its chevron (hidden from the accessibility tree: keys open it too). */
  async expandFolder(name: string) {
    const folder = this.folder(name)
    await folder.locator('span[aria-hidden]').first().click()
    await expect(folder).toHaveAttribute('aria-expanded', 'true')
  }

  /** A tree item: a folder, or "All folders". */
  folder(name: string) {
    return this.folders().getByRole('treeitem', { name, exact: true })
  }

  /** Clicks the folder's name, not the row's empty middle. */
  async chooseFolder(name: string) {
    await this.folder(name).getByText(name, { exact: true }).first().click()
  }

  includeSubfolders() {
    return this.page.getByRole('switch', { name: 'Include subfolders' })
  }

  sortBy() {
    return this.page.getByRole('combobox', { name: 'Sort by' })
  }

  order() {
    return this.page.getByRole('combobox', { name: 'Order' })
  }

  async chooseSort(key: string, order?: string) {
    await this.sortBy().click()
    await this.page.getByRole('option', { name: key, exact: true }).click()
    if (order) {
      await this.order().click()
      await this.page.getByRole('option', { name: order, exact: true }).click()
    }
  }

  notice() {
    return this.page.getByRole('alert')
  }
}
