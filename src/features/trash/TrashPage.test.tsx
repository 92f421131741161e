import { configure, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import type { LookRecord } from '../../looker-sim/core'
import { renderWithProviders } from '../../test/render'
import { server, signInAs, sim, TEST_API } from '../../test/server'
import { TrashPage } from './TrashPage'

// Full MUI tables per step: on a machine shared by several test runs, the defaults are too tight.
configure({ asyncUtilTimeout: 10_000 })
vi.setConfig({ testTimeout: 45_000 })

function renderTrash(route = '/trash') {
  return renderWithProviders(<TrashPage />, {
    route,
    path: '/trash',
    routes: [{ path: '/looks/:lookId', element: <p>The look page</p> }],
  })
}

const trashTable = () => screen.findByRole('table', { name: 'Looks in the trash' })
const deletedIds = () =>
  sim.store.data.looks
    .filter((l) => l.deleted)
    .map((l) => l.id)
    .sort()

/** The look ids of the table's body rows, in order (from each title link). */
function rowIds(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('link').getAttribute('href')!.split('/').pop()!)
}

async function selectRows(table: HTMLElement, count: number): Promise<string[]> {
  const rows = within(table)
    .getAllByRole('row')
    .slice(1, count + 1)
  for (const row of rows) await userEvent.click(within(row).getByRole('checkbox'))
  return rows.map((row) => within(row).getByRole('link').getAttribute('href')!.split('/').pop()!)
}

/** Soft-deletes `n` more live looks (as the admin, a day ago) so the trash has more than one page. */
function trashMore(n: number) {
  const live = sim.store.data.looks.filter((l) => !l.deleted).slice(0, n)
  for (const look of live) {
    look.deleted = true
    look.deleted_at = new Date(Date.now() - 86_400_000).toISOString()
    look.deleter_id = '1'
  }
}

const outcome = () => screen.findByRole('list', { name: 'Outcome' })

describe('who may use the trash', () => {
  it('an analyst gets an explanation instead of the list', async () => {
    signInAs('analyst')
    renderTrash()
    expect(await screen.findByText('The trash is for Looker admins')).toBeInTheDocument()
    expect(screen.getByText(/signed in as Andy Analyst, who is not a Looker admin/)).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(sim.requestLog.some((e) => e.path === '/looks/search')).toBe(false)
  })
})

describe('the trash list', () => {
  it('shows every trashed look with its folder, owner, deleter and days in the trash, newest deletion first', async () => {
    renderTrash()
    const table = await trashTable()
    await waitFor(() => expect(rowIds(table)).toHaveLength(deletedIds().length))
    const byNewest = [...sim.store.data.looks]
      .filter((l) => l.deleted)
      .sort((a, b) => Date.parse(b.deleted_at!) - Date.parse(a.deleted_at!))
    expect(rowIds(table)).toEqual(byNewest.map((l) => l.id))
    const first = byNewest[0]!
    const row = within(table).getAllByRole('row')[1]!
    const folder = sim.store.folder(first.folder_id)!.name
    const deleter = sim.store.user(first.deleter_id!)!
    expect(row).toHaveTextContent(folder)
    expect(await within(row).findByText(`${deleter.first_name} ${deleter.last_name}`)).toBeInTheDocument()
    const days = Math.floor((Date.now() - Date.parse(first.deleted_at!)) / 86_400_000)
    expect(within(row).getAllByRole('cell').at(-1)).toHaveTextContent(String(days))
  })

  it('filters by title words with the search page rule and keeps the filter in the URL', async () => {
    const target = sim.store.data.looks.find((l) => l.deleted)!
    const word = target.title.split(' ')[0]!
    const { router } = renderTrash()
    await trashTable()
    await userEvent.type(screen.getByRole('textbox', { name: 'Search titles' }), word)
    await waitFor(() => expect(router.state.location.search).toBe(`?q=${encodeURIComponent(word)}`))
    const table = await trashTable()
    const expected = sim.store.data.looks
      .filter((l) => l.deleted && l.title.toLowerCase().includes(word.toLowerCase()))
      .map((l) => l.id)
      .sort()
    await waitFor(() => expect([...rowIds(table)].sort()).toEqual(expected))
    expect(sim.requestLog.some((e) => e.path === '/looks/search')).toBe(true)
  })

  it('a bad URL value falls back with a notice, and the URL is corrected as on /looks', async () => {
    const { router } = renderTrash('/trash?q=sales&sort=banana&size=7')
    expect(await screen.findByText(/Ignored sort="banana".*Ignored size="7"/)).toBeInTheDocument()
    expect(await trashTable()).toBeInTheDocument()
    await waitFor(() => expect(router.state.location.search).toBe('?q=sales'))
    // The notice stays with the corrected URL until dismissed; dismissing keeps the URL.
    expect(screen.getByText(/Ignored sort="banana"/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(screen.queryByText(/Ignored sort="banana"/)).not.toBeInTheDocument()
    expect(router.state.location.search).toBe('?q=sales')
  })

  it('a page past the end says so and offers the first and last pages, with no nonsense range', async () => {
    trashMore(10)
    const total = deletedIds().length
    const last = Math.ceil(total / 25)
    const { router } = renderTrash('/trash?size=25&page=99')
    expect(await screen.findByText('This page is past the last result.')).toBeInTheDocument()
    expect(screen.queryByText('The trash is empty.')).not.toBeInTheDocument()
    expect(screen.queryByText(/of \d+/)).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: `Last page (${last})` }))
    await waitFor(() => expect(router.state.location.search).toBe(`?page=${last}&size=25`))
    const table = await trashTable()
    await waitFor(() => expect(rowIds(table)).toHaveLength(total - (last - 1) * 25))
    expect(screen.getByText(`${(last - 1) * 25 + 1}–${total} of ${total}`)).toBeInTheDocument()
  })
})

describe('selection', () => {
  it('the page checkbox selects the page only; "select all that match" selects every match and says how many', async () => {
    trashMore(10)
    const total = deletedIds().length
    renderTrash('/trash?size=25')
    const table = await trashTable()
    await waitFor(() => expect(rowIds(table)).toHaveLength(25))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all looks on this page' }))
    expect(screen.getByText('25 looks selected')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: `Select all ${total} looks that match` }))
    expect(await screen.findByText(`All ${total} looks that match are selected`)).toBeInTheDocument()
    // The ids came from one request with a small projection, not one per page of the table.
    const selectionCalls = sim.requestLog.filter((e) => e.path === '/looks/search')
    expect(selectionCalls.length).toBeLessThanOrEqual(3)
    await userEvent.click(screen.getByRole('button', { name: 'Restore' }))
    expect(await screen.findByRole('dialog', { name: `Restore ${total} looks?` })).toBeInTheDocument()
  })

  it('changing the filters clears the selection, so nothing unseen can be acted on', async () => {
    renderTrash()
    const table = await trashTable()
    await waitFor(() => expect(rowIds(table).length).toBeGreaterThan(2))
    await selectRows(table, 2)
    expect(screen.getByText('2 looks selected')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('combobox', { name: 'Sort by' }))
    await userEvent.click(screen.getByRole('option', { name: 'Title: A–Z' }))
    // Same filters, new order: the selection stays.
    expect(screen.getByText('2 looks selected')).toBeInTheDocument()
    await userEvent.type(screen.getByRole('textbox', { name: 'Search titles' }), 'a')
    expect(await screen.findByText('No looks selected')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Restore' })).toBeDisabled()
  })
})

describe('bulk restore and permanent delete (simulator state)', () => {
  it('a bulk restore of 3 looks makes exactly those 3 live again', async () => {
    const before = structuredClone(sim.store.data.looks)
    renderTrash()
    const table = await trashTable()
    await waitFor(() => expect(rowIds(table).length).toBeGreaterThan(3))
    const chosen = await selectRows(table, 3)
    await userEvent.click(screen.getByRole('button', { name: 'Restore' }))
    const confirm = await screen.findByRole('dialog', { name: 'Restore 3 looks?' })
    await userEvent.click(within(confirm).getByRole('button', { name: 'Restore 3 looks' }))
    expect(await screen.findByText('3 of 3 done: 3 succeeded, 0 failed')).toBeInTheDocument()
    expect(within(await outcome()).getAllByText('Restored')).toHaveLength(3)

    for (const look of before) {
      const now = sim.store.look(look.id)!
      if (chosen.includes(look.id)) {
        expect(now).toMatchObject({
          deleted: false,
          deleted_at: null,
          deleter_id: null,
          folder_id: look.folder_id,
        })
      } else {
        expect(now).toEqual(look)
      }
    }
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    // The list refreshed: the restored looks left it, and the selection is empty.
    await waitFor(() => expect(rowIds(table).some((id) => chosen.includes(id))).toBe(false))
    expect(screen.getByText('No looks selected')).toBeInTheDocument()
  })

  it('a permanent delete needs the typed count and removes exactly the 2 selected looks', async () => {
    const before = structuredClone(sim.store.data.looks)
    renderTrash()
    const table = await trashTable()
    await waitFor(() => expect(rowIds(table).length).toBeGreaterThan(2))
    const chosen = await selectRows(table, 2)
    await userEvent.click(screen.getByRole('button', { name: 'Delete permanently' }))
    const confirm = await screen.findByRole('dialog', { name: 'Permanently delete 2 looks?' })
    const go = within(confirm).getByRole('button', { name: 'Delete 2 looks forever' })
    expect(go).toBeDisabled()
    const field = within(confirm).getByRole('textbox', { name: 'Type 2 to confirm' })
    await userEvent.type(field, '3')
    expect(go).toBeDisabled()
    expect(within(confirm).getByText('That is not 2.')).toBeInTheDocument()
    await userEvent.clear(field)
    await userEvent.type(field, '2')
    expect(go).toBeEnabled()
    await userEvent.click(go)
    expect(await screen.findByText('2 of 2 done: 2 succeeded, 0 failed')).toBeInTheDocument()

    expect(sim.store.data.looks).toHaveLength(before.length - 2)
    for (const look of before) {
      if (chosen.includes(look.id)) expect(sim.store.look(look.id)).toBeUndefined()
      else expect(sim.store.look(look.id)).toEqual(look)
    }
  })

  it('a failure is listed with its reason, and Retry failed acts on that look only, once', async () => {
    let refused: string | null = null
    server.use(
      http.delete(
        `${TEST_API}/looks/:id`,
        ({ params }) => {
          refused = String(params.id)
          return HttpResponse.json({ message: 'Looker is in maintenance mode' }, { status: 400 })
        },
        { once: true },
      ),
    )
    renderTrash()
    const table = await trashTable()
    await waitFor(() => expect(rowIds(table).length).toBeGreaterThan(3))
    const chosen = await selectRows(table, 3)
    await userEvent.click(screen.getByRole('button', { name: 'Delete permanently' }))
    const confirm = await screen.findByRole('dialog', { name: 'Permanently delete 3 looks?' })
    await userEvent.type(within(confirm).getByRole('textbox', { name: 'Type 3 to confirm' }), '3')
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete 3 looks forever' }))
    expect(await screen.findByText('3 of 3 done: 2 succeeded, 1 failed')).toBeInTheDocument()
    expect(within(await outcome()).getByText('Failed: Looker is in maintenance mode')).toBeInTheDocument()
    expect(sim.store.look(refused!)).toBeDefined()

    const deletesBefore = sim.requestLog.filter((e) => e.method === 'DELETE').length
    await userEvent.click(screen.getByRole('button', { name: 'Retry failed (1)' }))
    expect(await screen.findByText('3 of 3 done: 3 succeeded, 0 failed')).toBeInTheDocument()
    const retried = sim.requestLog.filter((e) => e.method === 'DELETE').slice(deletesBefore)
    expect(retried.map((e) => e.path)).toEqual([`/looks/${refused}`])
    for (const id of chosen) expect(sim.store.look(id)).toBeUndefined()
  })

  it('with 30% of DELETE requests answered 429 every selected look is deleted exactly once', async () => {
    sim.faults.setRules([{ kind: 429, rate: 0.3, method: 'DELETE', path: '/looks/*', retryAfterSeconds: 0 }])
    renderTrash()
    const table = await trashTable()
    await waitFor(() => expect(rowIds(table).length).toBeGreaterThan(12))
    const chosen = await selectRows(table, 12)
    await userEvent.click(screen.getByRole('button', { name: 'Delete permanently' }))
    const confirm = await screen.findByRole('dialog', { name: 'Permanently delete 12 looks?' })
    await userEvent.type(within(confirm).getByRole('textbox', { name: 'Type 12 to confirm' }), '12')
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete 12 looks forever' }))
    expect(await screen.findByText('12 of 12 done: 12 succeeded, 0 failed')).toBeInTheDocument()
    const deletes = sim.requestLog.filter((e) => e.method === 'DELETE')
    const ok = deletes.filter((e) => e.status === 204).map((e) => e.path)
    expect([...ok].sort()).toEqual(chosen.map((id) => `/looks/${id}`).sort())
    expect(deletes.filter((e) => e.status === 429).length).toBe(sim.faults.stats['429'])
    for (const id of chosen) expect(sim.store.look(id)).toBeUndefined()
  })
})

describe('restoring a look whose folder is gone', () => {
  it('the outcome says so, and the admin picks another folder with the folder picker', async () => {
    const look = sim.store.data.looks.find(
      (l) => l.deleted && !sim.store.data.folders.some((f) => f.parent_id === l.folder_id),
    ) as LookRecord
    const gone = look.folder_id
    for (const other of sim.store.data.looks)
      if (other.folder_id === gone && other.id !== look.id) other.folder_id = '1'
    sim.store.data.folders = sim.store.data.folders.filter((f) => f.id !== gone)
    sim.store.reindex()

    renderTrash()
    const table = await trashTable()
    const row = (await within(table).findByRole('link', { name: look.title })).closest('tr')!
    expect(row).toHaveTextContent(`Folder ${gone} (no longer exists)`)
    await userEvent.click(within(row).getByRole('checkbox'))
    await userEvent.click(screen.getByRole('button', { name: 'Restore' }))
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore 1 look' }),
    )
    expect(await screen.findByText(/Failed: Its folder no longer exists/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Choose a folder for 1 look…' }))
    const picker = await screen.findByRole('dialog', { name: 'Restore 1 look into…' })
    const shared = await within(picker).findByRole('treeitem', { name: 'Shared' }, { timeout: 5000 })
    await userEvent.click(shared.querySelector('span[id]')!)
    await userEvent.click(within(picker).getByRole('button', { name: 'Restore here' }))
    expect(await screen.findByText('Restored into Shared')).toBeInTheDocument()
    expect(sim.store.look(look.id)).toMatchObject({ deleted: false, folder_id: '1' })
  })
})

describe('focus after actions that remove or disable their own control', () => {
  it('closing a bulk run (its Restore button is now disabled) focuses the selection line, not <body>', async () => {
    renderTrash()
    const table = await trashTable()
    await waitFor(() => expect(rowIds(table).length).toBeGreaterThan(1))
    await selectRows(table, 1)
    await userEvent.click(screen.getByRole('button', { name: 'Restore' }))
    const confirm = await screen.findByRole('dialog', { name: 'Restore 1 look?' })
    await userEvent.click(within(confirm).getByRole('button', { name: 'Restore 1 look' }))
    expect(await screen.findByText('1 of 1 done: 1 succeeded, 0 failed')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(screen.getByRole('button', { name: 'Restore' })).toBeDisabled()
    await waitFor(() => expect(document.activeElement).toBe(screen.getByText('No looks selected')))
  })

  it('choosing a folder focuses the "Folder: …" chip that replaced the button; removing it focuses the button', async () => {
    renderTrash()
    await trashTable()
    await userEvent.click(screen.getByRole('button', { name: 'Any folder' }))
    const dialog = await screen.findByRole('dialog', { name: 'Show trashed looks from folder' })
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Search folders' }), 'paign')
    await userEvent.click(await within(dialog).findByRole('option', { name: 'Campaigns' }))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Show this folder' }))
    const chip = await screen.findByRole('button', { name: /^Folder: Campaigns/ })
    await waitFor(() => expect(document.activeElement).toBe(chip))
    await userEvent.keyboard('{Backspace}')
    const button = await screen.findByRole('button', { name: 'Any folder' })
    await waitFor(() => expect(document.activeElement).toBe(button))
  })
})
