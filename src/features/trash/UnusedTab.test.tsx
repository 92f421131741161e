import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../test/render'
import { sim } from '../../test/server'
import { TrashPage } from './TrashPage'

const DAY_MS = 86_400_000

/** What Looker's Unused Content page would list, computed straight from the simulator's records. */
function expectedUnused(days: number): string[] {
  const cutoff = Date.now() - days * DAY_MS
  return sim.store.data.looks
    .filter((l) => !l.deleted && !l.public && l.favorite_count === 0)
    .filter((l) => Date.parse(l.last_viewed_at ?? l.created_at) < cutoff)
    .map((l) => l.id)
    .sort()
}

function renderUnused(route = '/trash?tab=unused') {
  return renderWithProviders(<TrashPage />, { route, path: '/trash' })
}

describe('the Unused tab', () => {
  it('lists live looks not viewed in 90 days, leaving out public and favorited looks', async () => {
    const expected = expectedUnused(90)
    expect(expected.length).toBeGreaterThan(10)
    renderUnused('/trash?tab=unused&size=100')
    const table = await screen.findByRole('table', { name: 'Unused looks' })
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(expected.length + 1))
    const ids = within(table)
      .getAllByRole('link')
      .map((a) => a.getAttribute('href')!.split('/').pop()!)
    expect([...ids].sort()).toEqual(expected)
    // Never-viewed looks come first ("longest ago"), shown as "Never".
    expect(within(within(table).getAllByRole('row')[1]!).getByText('Never')).toBeInTheDocument()
  })

  it('a longer period lists fewer looks, and the period is kept in the URL', async () => {
    const { router } = renderUnused()
    await screen.findByRole('table', { name: 'Unused looks' })
    await screen.findByRole('button', { name: `Select all ${expectedUnused(90).length} looks that match` })
    await userEvent.click(screen.getByRole('combobox', { name: 'Not viewed in' }))
    await userEvent.click(screen.getByRole('option', { name: '365 days' }))
    expect(router.state.location.search).toBe('?tab=unused&days=365')
    const n = expectedUnused(365).length
    expect(
      await screen.findByRole('button', { name: `Select all ${n} looks that match` }),
    ).toBeInTheDocument()
    expect(n).toBeLessThan(expectedUnused(90).length)
  })

  it('"Move to trash" soft-deletes exactly the selected looks, as the admin', async () => {
    const before = structuredClone(sim.store.data.looks)
    renderUnused()
    const table = await screen.findByRole('table', { name: 'Unused looks' })
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(3))
    const rows = within(table).getAllByRole('row').slice(1, 3)
    const chosen = rows.map((r) => within(r).getByRole('link').getAttribute('href')!.split('/').pop()!)
    for (const row of rows) await userEvent.click(within(row).getByRole('checkbox'))
    await userEvent.click(screen.getByRole('button', { name: 'Move to trash' }))
    const confirm = await screen.findByRole('dialog', { name: 'Move 2 looks to the trash?' })
    await userEvent.click(within(confirm).getByRole('button', { name: 'Move 2 looks to trash' }))
    expect(await screen.findByText('2 of 2 done: 2 succeeded, 0 failed')).toBeInTheDocument()
    for (const look of before) {
      const now = sim.store.look(look.id)!
      if (chosen.includes(look.id)) expect(now).toMatchObject({ deleted: true, deleter_id: '1' })
      else expect(now).toEqual(look)
    }
  })
})
