import type { Locator, Page } from '@playwright/test'

interface SimHandle {
  store: {
    data: {
      folders: { id: string }[]
      looks: { id: string; title: string; deleted: boolean; folder_id: string; query_id: string }[]
    }
    reindex: () => void
    query: (id: string) => unknown
  }
}

/** /trash/restore-backup: open a looks backup and re-create chosen looks. */
export class RestoreBackupPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Re-create looks from a backup' })
  }

  async openFile(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.page.getByLabel('Backup file').setInputFiles(file)
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Looks in the backup' })
  }

  row(title: string): Locator {
    return this.table().getByRole('row').filter({ hasText: title })
  }

  runButton(n: number): Locator {
    return this.page.getByRole('button', { name: `Re-create ${n} look${n === 1 ? '' : 's'}`, exact: true })
  }

  /** Picks the Shared root for looks whose folder is gone. */
  async chooseSharedForHomeless() {
    await this.page.getByRole('button', { name: /^(Choose|Change) a folder…$|^Change folder…$/ }).click()
    const picker = this.page.getByRole('dialog', { name: 'Re-create looks whose folder is gone in…' })
    await picker.getByRole('treeitem', { name: 'Shared' }).locator('span[id]').first().click()
    await picker.getByRole('button', { name: 'Use this folder' }).click()
  }

  refusal(): Locator {
    return this.page.getByText(/was not opened, and nothing was changed\./)
  }

  /** Removes a folder from the simulator, as if someone had deleted it (Looker's UI can; ours cannot). */
  removeFolder(folderId: string) {
    return this.page.evaluate((id) => {
      const sim = (globalThis as { __LOOKER_SIM__?: SimHandle }).__LOOKER_SIM__!
      sim.store.data.folders = sim.store.data.folders.filter((f) => f.id !== id)
      sim.store.reindex()
    }, folderId)
  }

  /** Live looks with this title, each with its folder and its query as the simulator keeps them. */
  liveLooksTitled(title: string) {
    return this.page.evaluate((t) => {
      const sim = (globalThis as { __LOOKER_SIM__?: SimHandle }).__LOOKER_SIM__!
      return sim.store.data.looks
        .filter((l) => l.title === t && !l.deleted)
        .map((l) => ({ id: l.id, folder_id: l.folder_id, query: sim.store.query(l.query_id) }))
    }, title)
  }
}
