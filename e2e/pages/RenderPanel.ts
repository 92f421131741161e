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

  /** The look's own render settings (the Dashboards section has its own Format, Width and Height). */
  settings() {
    return this.page.getByRole('form', { name: 'Render settings', exact: true })
  }
  format() {
    return this.settings().getByRole('combobox', { name: 'Format' })
  }
  width() {
    return this.settings().getByRole('textbox', { name: 'Width' })
  }
  height() {
    return this.settings().getByRole('textbox', { name: 'Height' })
  }
  renderButton() {
    return this.page.getByRole('button', { name: 'Render', exact: true })
  }
  preset(label: RegExp | string) {
    return this.page.getByRole('group', { name: 'Size presets' }).getByRole('button', { name: label })
  }
  progress() {
    return this.page.getByRole('group', { name: 'Render progress', exact: true })
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
    return this.page
      .getByRole('region', { name: 'Rendered image' })
      .getByRole('button', { name: /^Download / })
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

  /** The render tab's Dashboards section: dashboards that use the look, rendered as PDF or image. */
  dashboards() {
    return this.page.getByRole('region', { name: 'Dashboards', exact: true })
  }
  dashboardChoice() {
    return this.dashboards().getByRole('combobox', { name: 'Dashboard' })
  }
  dashboardFormat() {
    return this.dashboards().getByRole('combobox', { name: 'Format' })
  }
  paperSize() {
    return this.dashboards().getByRole('combobox', { name: 'Paper size' })
  }
  landscape() {
    return this.dashboards().getByLabel('Landscape')
  }
  layout(label: 'Single column' | 'Tiled') {
    return this.dashboards().getByRole('radiogroup', { name: 'Layout' }).getByRole('radio', { name: label })
  }
  renderDashboardButton() {
    return this.dashboards().getByRole('button', { name: 'Render dashboard' })
  }
  dashboardProgress() {
    return this.page.getByRole('group', { name: 'Dashboard render progress' })
  }
  /** The rendered dashboard (a PDF viewer or an image), named by its title. */
  renderedDashboard(title: string) {
    return this.page.getByLabel(`Rendered dashboard: ${title}`)
  }
  dashboardDownloadButton() {
    return this.page
      .getByRole('region', { name: 'Rendered dashboard' })
      .getByRole('button', { name: /^Download / })
  }

  /** Picks an option of one of the Dashboards section's selects. */
  async chooseIn(select: ReturnType<Page['getByRole']>, option: string) {
    await select.click()
    await this.page.getByRole('option', { name: option }).click()
  }
}
