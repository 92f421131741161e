import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseLooksBackup } from '../../api/lookBackupFile'
import { server, sim, TEST_API } from '../../test/server'
import { outcome, renderTrash, rowIds, selectRows, trashTable } from '../../test/trashKit'

/** Each download the page starts: its blob, and how many requests the simulator had seen by then. */
interface Download {
  blob: Blob
  requestsBefore: number
}
let downloads: Download[] = []
let failDownload = false
const realCreate = URL.createObjectURL.bind(URL)

beforeEach(() => {
  downloads = []
  failDownload = false
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    if (failDownload) throw new Error('Blob URLs are blocked')
    downloads.push({ blob: blob as Blob, requestsBefore: sim.requestLog.length })
    return 'blob:test'
  }
})
afterEach(() => {
  URL.createObjectURL = realCreate
})

async function askToDelete(n: number) {
  renderTrash()
  const table = await trashTable()
  await waitFor(() => expect(rowIds(table).length).toBeGreaterThan(n))
  const chosen = await selectRows(table, n)
  await userEvent.click(screen.getByRole('button', { name: 'Delete permanently' }))
  const dialog = await screen.findByRole('dialog', { name: `Permanently delete ${n} looks?` })
  await userEvent.type(within(dialog).getByRole('textbox', { name: `Type ${n} to confirm` }), String(n))
  return { chosen, dialog, go: within(dialog).getByRole('button', { name: `Delete ${n} looks forever` }) }
}

const deletes = () => sim.requestLog.filter((e) => e.method === 'DELETE')

describe('a backup before every permanent delete', () => {
  it('saves a backup of exactly the deleted looks, with their queries, before the first DELETE', async () => {
    const { chosen, dialog, go } = await askToDelete(3)
    expect(await within(dialog).findByText(/^Backup ready: 3 looks/)).toBeInTheDocument()
    await userEvent.click(go)
    expect(await screen.findByText('3 of 3 done: 3 succeeded, 0 failed')).toBeInTheDocument()

    expect(downloads).toHaveLength(1)
    const firstDelete = sim.requestLog.findIndex((e) => e.method === 'DELETE')
    expect(downloads[0]!.requestsBefore).toBeLessThanOrEqual(firstDelete)
    const parsed = parseLooksBackup(await downloads[0]!.blob.text())
    if (!parsed.ok) throw new Error(parsed.problem)
    expect(parsed.backup.looks.map((l) => l.id)).toEqual(chosen)
    expect(
      deletes()
        .map((d) => d.path)
        .sort(),
    ).toEqual(chosen.map((id) => `/looks/${id}`).sort())
    for (const look of parsed.backup.looks) {
      expect(look.query.model).toBeTruthy()
      expect(look.query.fields?.length).toBeGreaterThan(0)
    }
    // The outcome keeps the file, to save again.
    expect(
      screen.getByText(/^Backup saved first: “looks-backup looker\.test .* \(3 looks\)\.json”/),
    ).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Download again' }))
    expect(downloads).toHaveLength(2)
    expect(await downloads[1]!.blob.text()).toBe(await downloads[0]!.blob.text())
    expect(within(await outcome()).getAllByText('Deleted')).toHaveLength(3)
  })

  it('no backup, no delete: a look that cannot be read is named, and nothing is deleted until a backup is made', async () => {
    let refused = 0
    let target: unknown = null
    server.use(
      // The first look the backup reads cannot be read.
      http.get(`${TEST_API}/looks/:id`, ({ params, request }) => {
        if (!new URL(request.url).searchParams.get('fields')?.includes('query_id')) return undefined
        target ??= params.id
        if (params.id !== target) return undefined
        refused++
        return HttpResponse.json({ message: 'Looker is in maintenance mode' }, { status: 400 })
      }),
    )
    const { dialog, go } = await askToDelete(2)
    expect(
      await within(dialog).findByText(
        /No backup, so nothing will be deleted\. Could not read “.+” for the backup: Looker is in maintenance mode/,
      ),
    ).toBeInTheDocument()
    expect(go).toBeDisabled()
    await userEvent.keyboard('{Enter}')
    expect(deletes()).toEqual([])
    expect(downloads).toEqual([])

    server.resetHandlers()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Try the backup again' }))
    await within(dialog).findByText(/^Backup ready: 2 looks/)
    await userEvent.click(go)
    expect(await screen.findByText('2 of 2 done: 2 succeeded, 0 failed')).toBeInTheDocument()
    expect(refused).toBe(1)
    expect(downloads).toHaveLength(1)
  })

  it('when the file cannot be saved, says so and deletes nothing', async () => {
    const { dialog, go } = await askToDelete(2)
    await within(dialog).findByText(/^Backup ready: 2 looks/)
    failDownload = true
    await userEvent.click(go)
    expect(
      await within(dialog).findByText('The backup file could not be saved: Blob URLs are blocked'),
    ).toBeInTheDocument()
    expect(screen.queryByText(/ of 2 done/)).not.toBeInTheDocument()
    expect(deletes()).toEqual([])
  })

  it('a look restored after it was chosen is neither in the backup nor deleted', async () => {
    renderTrash()
    const table = await trashTable()
    await waitFor(() => expect(rowIds(table).length).toBeGreaterThan(3))
    const chosen = await selectRows(table, 3)
    sim.store.look(chosen[1]!)!.deleted = false
    await userEvent.click(screen.getByRole('button', { name: 'Delete permanently' }))
    const dialog = await screen.findByRole('dialog', { name: 'Permanently delete 3 looks?' })
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Type 3 to confirm' }), '3')
    expect(await within(dialog).findByText(/^Backup ready: 2 looks/)).toBeInTheDocument()
    expect(
      within(dialog).getByText(/restored since you selected it, so it will not be deleted/),
    ).toBeInTheDocument()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete 3 looks forever' }))
    expect(await screen.findByText('3 of 3 done: 2 succeeded, 1 failed')).toBeInTheDocument()

    const parsed = parseLooksBackup(await downloads[0]!.blob.text())
    expect(parsed.ok && parsed.backup.looks.map((l) => l.id)).toEqual([chosen[0], chosen[2]])
    expect(
      deletes()
        .map((d) => d.path)
        .sort(),
    ).toEqual([`/looks/${chosen[0]}`, `/looks/${chosen[2]}`].sort())
    expect(sim.store.look(chosen[1]!)).toMatchObject({ deleted: false })
  })
})
