import type { Page } from '@playwright/test'

/** /dashboards and a dashboard's page. Located by role and label only. */
export class DashboardsPage {
  constructor(readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`/dashboards${query}`)
    await this.page.getByRole('heading', { level: 1, name: 'Dashboards' }).waitFor()
  }

  tab(name: 'Dashboards' | 'LookML dashboards') {
    return this.page.getByRole('tab', { name, exact: true })
  }

  searchBox() {
    return this.page.getByRole('searchbox', { name: 'Search dashboards' })
  }

  list(kind: 'Dashboards' | 'LookML dashboards') {
    return this.page.getByRole('table', { name: kind, exact: true })
  }

  /** A dashboard page's "Looks on this dashboard" section. */
  usedLooks() {
    return this.page.getByRole('region', { name: 'Looks on this dashboard' })
  }

  /** A dashboard page's render section. */
  render() {
    return this.page.getByRole('region', { name: 'Render' })
  }

  renderSetting(label: 'Format' | 'Paper size') {
    return this.render().getByRole('combobox', { name: label })
  }

  async choose(label: 'Format' | 'Paper size', option: string) {
    await this.renderSetting(label).click()
    await this.page.getByRole('option', { name: option, exact: true }).click()
  }

  /** The inline PDF: a list of its pages, each a canvas named "Page n of N". */
  pdfPages() {
    return this.page.getByRole('list', { name: /: \d+ pages?$/ })
  }
}
