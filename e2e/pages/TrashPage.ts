import { expect, type Locator, type Page } from '@playwright/test'

interface SimLook {
  id: string
  title: string
  deleted: boolean
  folder_id: string
}
interface SimLogEntry {
  method: string
  path: string
  status: number
}
interface SimHandle {
  store: { data: { looks: SimLook[] } }
  requestLog: SimLogEntry[]
}

/** /trash: the admin's trash and unused looks, with bulk actions. */
export class TrashPage {
  constructor(readonly page: Page) {}

  /**
   * A page load boots the app and its simulator: 2–4 s on a loaded 2-core machine, past the 7 s assertion
   * timeout with the CPU slowed further. Wait for the heading within the test's time, as the other page
   * objects' `open` does.
   */
  async open(query = '') {
    await this.page.goto(`/trash${query}`)
    await this.page.getByRole('heading', { level: 1, name: 'Trash' }).waitFor()
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Looks in the trash' })
  }

  /** Body row `i` (0-based); row 0 of the table is the header. */
  row(i: number): Locator {
    return this.table()
      .getByRole('row')
      .nth(i + 1)
  }

  async waitForRows(atLeast: number) {
    await expect(this.table().getByRole('row')).not.toHaveCount(0)
    await expect.poll(() => this.table().getByRole('row').count()).toBeGreaterThan(atLeast)
  }

  /** Ticks the first `n` rows and returns their look ids (from the title links). */
  async selectFirst(n: number): Promise<string[]> {
    const ids: string[] = []
    for (let i = 0; i < n; i++) {
      await this.row(i).getByRole('checkbox').check()
      const href = await this.row(i).getByRole('link').getAttribute('href')
      ids.push(href!.split('/').pop()!)
    }
    return ids
  }

  selectionStatus(): Locator {
    return this.page.getByText(/looks? selected|that match are selected|that matches is selected/)
  }

  button(name: 'Restore' | 'Delete permanently' | 'Move to trash'): Locator {
    return this.page.getByRole('button', { name, exact: true })
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name })
  }

  async confirmRestore(n: number) {
    await this.button('Restore').click()
    await this.dialog(`Restore ${n} looks?`)
      .getByRole('button', { name: `Restore ${n} looks` })
      .click()
  }

  /** The permanent-delete dialog and its parts, for tests that check the typed confirmation. */
  deleteDialog(n: number) {
    const dialog = this.dialog(`Permanently delete ${n} looks?`)
    return {
      dialog,
      field: dialog.getByRole('textbox', { name: `Type ${n} to confirm` }),
      confirm: dialog.getByRole('button', { name: `Delete ${n} looks forever` }),
    }
  }

  progressSummary(): Locator {
    return this.page.getByRole('dialog').getByText(/ of \d+ done: /)
  }

  requestStats(): Locator {
    return this.page.getByRole('dialog').getByText(/attempts?; Looker asked us to wait/)
  }

  outcome(): Locator {
    return this.page.getByRole('list', { name: 'Outcome' })
  }

  async closeRun() {
    await this.page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()
  }

  /** The simulator's records (demo mode exposes it as `__LOOKER_SIM__`): state checks, not screen reads. */
  simLooks(): Promise<SimLook[]> {
    return this.page.evaluate(() => {
      const sim = (globalThis as { __LOOKER_SIM__?: SimHandle }).__LOOKER_SIM__
      return (sim?.store.data.looks ?? []).map((l) => ({
        id: l.id,
        title: l.title,
        deleted: l.deleted,
        folder_id: l.folder_id,
      }))
    })
  }

  simRequests(method: string): Promise<SimLogEntry[]> {
    return this.page.evaluate((m) => {
      const sim = (globalThis as { __LOOKER_SIM__?: SimHandle }).__LOOKER_SIM__
      return (sim?.requestLog ?? [])
        .filter((e) => e.method === m)
        .map((e) => ({ method: e.method, path: e.path, status: e.status }))
    }, method)
  }
}
