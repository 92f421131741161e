import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { renderWithProviders } from './render'
import { demoUser } from './builders'
import { sim } from './server'
import { TrashPage } from '../features/trash/TrashPage'

// Shared by the trash page's test files: render the page, read its table, and set up the simulator's trash.

export function renderTrash(route = '/trash') {
  return renderWithProviders(<TrashPage />, {
    route,
    path: '/trash',
    routes: [{ path: '/looks/:lookId', element: <p>The look page</p> }],
  })
}

export const trashTable = () => screen.findByRole('table', { name: 'Looks in the trash' })
export const deletedIds = () =>
  sim.store.data.looks
    .filter((l) => l.deleted)
    .map((l) => l.id)
    .sort()

/** A body row's look id, from its title link. */
const rowId = (row: HTMLElement) => within(row).getByRole('link').getAttribute('href')!.split('/').pop()!

/** The look ids of the table's body rows, in order. */
export function rowIds(table: HTMLElement): string[] {
  return within(table).getAllByRole('row').slice(1).map(rowId)
}

export async function selectRows(table: HTMLElement, count: number): Promise<string[]> {
  const rows = within(table)
    .getAllByRole('row')
    .slice(1, count + 1)
  for (const row of rows) await userEvent.click(within(row).getByRole('checkbox'))
  return rows.map(rowId)
}

/** Soft-deletes `n` more live looks (as the admin, a day ago) so the trash has more than one page. */
export function trashMore(n: number) {
  const live = sim.store.data.looks.filter((l) => !l.deleted).slice(0, n)
  for (const look of live) {
    look.deleted = true
    look.deleted_at = new Date(Date.now() - 86_400_000).toISOString()
    look.deleter_id = demoUser('admin').id
  }
}

export const outcome = () => screen.findByRole('list', { name: 'Outcome' })
