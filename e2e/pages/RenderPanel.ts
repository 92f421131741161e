import type { Page } from '@playwright/test'

/** The look page's Render and Data tabs. Located by role and label only. */
export class RenderPanel {
  constructor(readonly page: Page) {}

  /** Opens a look's render tab; `sim` adds simulator settings (e.g. `sim_render=300-800`) for this page load. */
  async open(lookId: string, settings: Record<string, string> = {}) {
    const query = new URLSearchParams(settings).toString()
    await this.page.goto(`/looks/${lookId}/render${query ? `?${query}` : ''}`)
    await this.renderButton().waitFor()
  }

  format() {
    return this.page.getByRole('combobox', { name: 'Format' })
  }
  width() {
    return this.page.getByRole('textbox', { name: 'Width' })
  }
  height() {
    return this.page.getByRole('textbox', { name: 'Height' })
  }
  renderButton() {
    return this.page.getByRole('button', { name: 'Render', exact: true })
  }
  preset(label: RegExp | string) {
    return this.page.getByRole('group', { name: 'Size presets' }).getByRole('button', { name: label })
  }
  progress() {
    return this.page.getByRole('status', { name: 'Render progress' })
  }
  cancelButton() {
    return this.progress().getByRole('button', { name: 'Cancel' })
  }
  image(title: string) {
    return this.page.getByRole('img', { name: `Rendered look: ${title}` })
  }
  alert() {
    return this.page.getByRole('alert')
  }
  downloadButton() {
    return this.page.getByRole('button', { name: /^Download / })
  }

  async chooseFormat(label: 'PNG' | 'JPEG') {
    await this.format().click()
    await this.page.getByRole('option', { name: label }).click()
  }

  async setSize(width: number, height: number) {
    await this.width().fill(String(width))
    await this.height().fill(String(height))
  }

  /** The natural (intrinsic) size of the shown image, once it has loaded. */
  async naturalSize(title: string) {
    const img = this.image(title)
    await img.waitFor()
    return img.evaluate(async (el: HTMLImageElement) => {
      await el.decode()
      return { width: el.naturalWidth, height: el.naturalHeight }
    })
  }

  tab(name: 'Render' | 'Data' | 'Overview') {
    return this.page.getByRole('tab', { name })
  }

  dataTable(title: string) {
    return this.page.getByRole('table', { name: `Data for ${title}` })
  }

  exportButton() {
    return this.page.getByRole('button', { name: 'Export' })
  }

  async exportAs(label: 'CSV' | 'JSON' | 'Markdown' | 'HTML') {
    await this.exportButton().click()
    await this.page.getByRole('menuitem', { name: label }).click()
  }
}
