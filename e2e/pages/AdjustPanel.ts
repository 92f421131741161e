import type { Download, Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'

/** The look page's Adjust panel (above the Render and Data tabs) and its Save as, Apply and Download dialogs. */
export class AdjustPanel {
  constructor(readonly page: Page) {}

  region() {
    return this.page.getByRole('region', { name: 'Look version' })
  }
  heading() {
    return this.region().getByRole('heading', { name: /Saved look|Adjusted variant/ })
  }
  button(
    name: 'Adjust' | 'Save as new look' | 'Apply to this look' | 'Download…' | 'Reset to the saved look',
  ) {
    return this.region().getByRole('button', { name, exact: true })
  }
  chips() {
    return this.region().getByRole('list', { name: 'Changes from the saved look' }).getByRole('listitem')
  }
  filter(label: string) {
    return this.region().getByRole('textbox', { name: label, exact: true })
  }
  async addFilter(fieldName: string, value: string, label: string) {
    await this.region().getByRole('combobox', { name: 'Add a filter on…' }).click()
    await this.page.getByRole('option', { name: new RegExp(fieldName.replace('.', '\\.')) }).click()
    await this.filter(label).fill(value)
  }
  rowLimit() {
    return this.region().getByRole('textbox', { name: 'Row limit' })
  }
  preview() {
    return this.region().getByRole('button', { name: 'Preview changes' })
  }
  dialog(name: 'Save as a new look' | 'Download' | 'Apply the changes to this look?') {
    return this.page.getByRole('dialog', { name })
  }

  /** Presses Download in the dialog and returns the file's name and bytes. */
  async download(): Promise<{ name: string; bytes: Buffer }> {
    const downloading: Promise<Download> = this.page.waitForEvent('download')
    await this.dialog('Download').getByRole('button', { name: 'Download', exact: true }).click()
    const file = await downloading
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) }
  }

  /** The simulator's own record of a query (demo mode exposes the simulator as `__LOOKER_SIM__`). */
  simulatorQueryOfLook(lookId: string) {
    return this.page.evaluate((id) => {
      type Store = { look(id: string): { query_id: string } | undefined; getQueryRecord?: unknown }
      const sim = (
        globalThis as { __LOOKER_SIM__?: { store: Store & { queriesById: Map<string, unknown> } } }
      ).__LOOKER_SIM__
      const look = sim?.store.look(id)
      const query = look ? sim?.store.queriesById.get(look.query_id) : undefined
      return { queryId: look?.query_id, query: query as { filters: Record<string, string> } | undefined }
    }, lookId)
  }
}
