import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { LookRecord } from '../../looker-sim/core'
import { sharedRoot } from '../../test/builders'
import { server, sim, TEST_API } from '../../test/server'
import { renderTrash, trashTable, rowIds, selectRows, outcome } from '../../test/trashKit'

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
    // The delete waits for its backup (read while the admin types).
    await within(confirm).findByText(/^Backup ready: 2 looks/)
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
      if (other.folder_id === gone && other.id !== look.id) other.folder_id = sharedRoot().id
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
    const shared = await within(picker).findByRole('treeitem', { name: 'Shared' })
    await userEvent.click(shared.querySelector('span[id]')!)
    await userEvent.click(within(picker).getByRole('button', { name: 'Restore here' }))
    expect(await screen.findByText('Restored into Shared')).toBeInTheDocument()
    expect(sim.store.look(look.id)).toMatchObject({ deleted: false, folder_id: sharedRoot().id })
  })
})
