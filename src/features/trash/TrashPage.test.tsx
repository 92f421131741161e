import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { signInAs, sim } from '../../test/server'
import { renderTrash, trashTable, deletedIds, rowIds, selectRows, trashMore } from '../../test/trashKit'

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
    const expected = sim.store.data.looks
      .filter((l) => l.deleted && l.title.toLowerCase().includes(word.toLowerCase()))
      .map((l) => l.id)
      .sort()
    // The table is read afresh each time: while the filtered page loads it may be replaced, and a table
    // found before that would keep showing the unfiltered rows (this failed under load).
    await waitFor(() =>
      expect([...rowIds(screen.getByRole('table', { name: 'Looks in the trash' }))].sort()).toEqual(expected),
    )
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
