import type { Page } from '@playwright/test'

/** Settings' connection card, the signed-out states, and the (simulated) Looker consent page. */
export class ConnectionPage {
  constructor(readonly page: Page) {}

  async openSettings() {
    await this.page.goto('/settings')
    await this.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
  }

  /** A value in the Connection card (a <dd>), by what it says. */
  detail(text: string | RegExp) {
    return this.page.getByRole('definition').filter({ hasText: text })
  }

  signOutButton() {
    return this.page.getByRole('button', { name: 'Sign out' })
  }

  signInButton() {
    return this.page.getByRole('button', { name: 'Sign in with Looker' })
  }

  cannotConnect() {
    return this.page.getByRole('heading', { level: 1, name: 'Cannot connect to Looker' })
  }

  problem() {
    return this.page.getByRole('alert')
  }

  /** On Looker's /auth page: pick the user and allow (or deny) the app. */
  async consent(user: string, decision: 'Allow' | 'Deny' = 'Allow') {
    await this.page.getByRole('heading', { name: /^Allow .* to use your Looker account\?$/ }).waitFor()
    await this.page.getByRole('radio', { name: user }).check()
    await this.page.getByRole('button', { name: decision }).click()
  }
}
