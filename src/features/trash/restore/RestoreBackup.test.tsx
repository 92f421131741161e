import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { buildLooksBackup } from '../../../api/lookBackup'
import type { LooksBackup } from '../../../api/lookBackupFormat'
import { aFolder, aLook, sharedRoot, uniqueName } from '../../../test/builders'
import { renderWithProviders } from '../../../test/render'
import { sim } from '../../../test/server'
import { RestoreBackupPage } from './RestoreBackupPage'

/**
 * Three looks backed up and then deleted for good: one whose title has since been taken in its folder,
 * one whose folder is gone, and one that can simply go back.
 */
async function aBackupOfDeletedLooks(more = 0) {
  const folder = aFolder()
  const goneFolder = aFolder()
  const clashTitle = uniqueName('Pipeline snapshot')
  const clash = aLook({ folder, title: clashTitle, trashedBy: { user: 'admin' } })
  const homeless = aLook({
    folder: goneFolder,
    title: uniqueName('Weekly revenue'),
    trashedBy: { user: 'admin' },
    query: {
      fields: ['order_items.created_week', 'order_items.count'],
      sorts: ['order_items.created_week desc'],
      filters: { 'order_items.status': 'complete' },
    },
  })
  const plain = aLook({ folder, title: uniqueName('Margin'), trashedBy: { user: 'admin' } })
  const others = Array.from({ length: more }, () =>
    aLook({ folder, title: uniqueName('Funnel'), trashedBy: { user: 'admin' } }),
  )
  const looks = [clash, homeless, plain, ...others]
  const { backup } = await buildLooksBackup(
    looks.map((l) => ({ id: l.id, title: l.title, folderId: l.folder_id, folderName: null })),
  )
  for (const look of looks) sim.store.removeLook(look.id)
  sim.store.data.folders = sim.store.data.folders.filter((f) => f.id !== goneFolder.id)
  sim.store.reindex()
  aLook({ folder, title: clashTitle })
  return { backup, folder, clash, homeless, plain, others }
}

const fileOf = (text: string, name = 'looks-backup.json') =>
  new File([text], name, { type: 'application/json' })

function renderPage() {
  return renderWithProviders(<RestoreBackupPage />, {
    route: '/trash/restore-backup',
    path: '/trash/restore-backup',
  })
}

async function open(file: File) {
  await userEvent.upload(await screen.findByLabelText('Backup file'), file)
}

const rowOf = (table: HTMLElement, title: string) =>
  within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByText(title) !== null)!

const created = (title: string) => sim.store.data.looks.filter((l) => l.title === title && !l.deleted)

describe('re-create from a backup', () => {
  it('shows each look’s fate, needs a folder for the one whose folder is gone, and re-creates exactly the selected looks with their queries', async () => {
    const { backup, folder, clash, homeless, plain } = await aBackupOfDeletedLooks()
    renderPage()
    await open(fileOf(JSON.stringify(backup, null, 2)))
    const table = await screen.findByRole('table', { name: 'Looks in the backup' })
    expect(screen.getByText(/“looks-backup\.json”: 3 looks, backed up/)).toBeInTheDocument()
    await waitFor(() =>
      expect(rowOf(table, clash.title)).toHaveTextContent(
        `Into its folder “${folder.name}”; “${clash.title}” is taken there, so as “${clash.title} (restored)”.`,
      ),
    )
    expect(rowOf(table, homeless.title)).toHaveTextContent('Its folder is gone: choose a folder for it.')
    expect(rowOf(table, plain.title)).toHaveTextContent(`Into its folder “${folder.name}”.`)
    const go = () => screen.getByRole('button', { name: /^Re-create \d+ looks?$/ })
    expect(go()).toBeDisabled()

    await userEvent.click(within(rowOf(table, plain.title)).getByRole('checkbox'))
    await userEvent.click(screen.getByRole('button', { name: 'Choose a folder…' }))
    const picker = await screen.findByRole('dialog', { name: 'Re-create looks whose folder is gone in…' })
    const shared = await within(picker).findByRole('treeitem', { name: 'Shared' })
    await userEvent.click(shared.querySelector('span[id]')!)
    await userEvent.click(within(picker).getByRole('button', { name: 'Use this folder' }))
    await waitFor(() =>
      expect(rowOf(table, homeless.title)).toHaveTextContent('Into “Shared” (its folder is gone).'),
    )
    const before = sim.requestLog.length
    await userEvent.click(screen.getByRole('button', { name: 'Re-create 2 looks' }))
    const run = await screen.findByRole('dialog', { name: 'Re-creating 2 looks' })
    expect(await within(run).findByText('2 of 2 done: 2 succeeded, 0 failed')).toBeInTheDocument()

    const posts = sim.requestLog.slice(before).filter((e) => e.method === 'POST')
    expect(posts.filter((e) => e.path === '/looks')).toHaveLength(2)
    expect(posts.filter((e) => e.path === '/queries')).toHaveLength(2)
    const [renamed] = created(`${clash.title} (restored)`)
    const [moved] = created(homeless.title)
    expect(renamed).toMatchObject({ folder_id: folder.id })
    expect(moved).toMatchObject({ folder_id: sharedRoot().id })
    expect(created(plain.title)).toEqual([])
    const saved = (title: string) => backup.looks.find((l) => l.title === title)!.query
    for (const [look, title] of [
      [renamed!, clash.title],
      [moved!, homeless.title],
    ] as const) {
      const query = sim.store.query(look.query_id)!
      const { fields, filters, sorts, limit, vis_config, model, view } = saved(title)
      expect(query).toMatchObject({ fields, filters: filters ?? null, sorts, limit, vis_config, model, view })
    }
    expect(
      within(run).getByText(new RegExp(`as “${clash.title} \\(restored\\)”, look ${renamed!.id}`)),
    ).toBeInTheDocument()
  })

  it('refuses a broken file naming its first problem, and keeps the backup already open', async () => {
    const { backup } = await aBackupOfDeletedLooks()
    renderPage()
    await open(fileOf(JSON.stringify(backup, null, 2)))
    const table = await screen.findByRole('table', { name: 'Looks in the backup' })
    const broken = JSON.stringify(backup, null, 2).replace('"looks": [', '"looks": [,')
    await open(fileOf(broken, 'edited.json'))
    const alert = await screen.findByText(/^“edited\.json” was not opened/)
    expect(alert).toHaveTextContent(
      /^“edited\.json” was not opened, and nothing was changed\. The file is not valid JSON: line \d+, column \d+: /,
    )
    expect(table).toBeInTheDocument()
    expect(within(table).getAllByRole('row')).toHaveLength(4)

    const foreign: Partial<LooksBackup> & { name: string } = { name: 'lookbook', version: 1 }
    await open(fileOf(JSON.stringify(foreign), 'package.json'))
    expect(
      await screen.findByText(
        '“package.json” was not opened, and nothing was changed. This is not a Lookbook looks backup: it has no “format” (expected "lookbook.looks-backup").',
      ),
    ).toBeInTheDocument()
    expect(sim.requestLog.filter((e) => e.method === 'POST')).toEqual([])
  })

  it('with 30% of POSTs answered 429, each selected look is made exactly once', async () => {
    const { backup, clash, homeless, plain, others } = await aBackupOfDeletedLooks(7)
    sim.faults.setRules([{ kind: 429, rate: 0.3, method: 'POST', retryAfterSeconds: 0 }])
    renderPage()
    await open(fileOf(JSON.stringify(backup)))
    const table = await screen.findByRole('table', { name: 'Looks in the backup' })
    await waitFor(() => expect(rowOf(table, plain.title)).toHaveTextContent('Into its folder'))
    await userEvent.click(within(rowOf(table, homeless.title)).getByRole('checkbox'))
    await userEvent.click(screen.getByRole('button', { name: 'Re-create 9 looks' }))
    expect(await screen.findByText('9 of 9 done: 9 succeeded, 0 failed')).toBeInTheDocument()
    for (const title of [`${clash.title} (restored)`, plain.title, ...others.map((l) => l.title)])
      expect(created(title)).toHaveLength(1)
    const posts = sim.requestLog.filter((e) => e.method === 'POST')
    const looks = posts.filter((e) => e.path === '/looks')
    expect(looks.filter((e) => e.status === 200)).toHaveLength(9)
    expect(posts.every((e) => e.status === 200 || e.status === 429)).toBe(true)
    // The faults did fire: the run had to wait and ask again.
    expect(posts.filter((e) => e.status === 429).length).toBeGreaterThan(0)
  })
})
