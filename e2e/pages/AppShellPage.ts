import type { Page } from '@playwright/test'

/** The top bar and navigation every page shares. */
export class AppShellPage {
  constructor(readonly page: Page) {}

  async open(path = '/') {
    await this.page.goto(path)
    await this.page.getByRole('link', { name: 'Lookbook' }).waitFor()
  }

  nav() {
    return this.page.getByRole('navigation', { name: 'Main' })
  }

  navLink(name: 'Looks' | 'Trash' | 'Settings') {
    return this.nav().getByRole('link', { name })
  }

  connectionChip() {
    return this.page.getByRole('link', { name: /^Connection:/ })
  }

  themeToggle() {
    return this.page.getByRole('button', { name: /Switch to (light|dark) mode/ })
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 })
  }

  async switchDemoUser(label: 'Admin' | 'Analyst' | 'Viewer') {
    await this.page.getByRole('combobox', { name: 'Demo user' }).click()
    await this.page.getByRole('option', { name: new RegExp(`${label}$`) }).click()
  }
}
