import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../test/render'
import { recordRequests, server, sim } from '../../test/server'
import { USAGE_CHECK_CONCURRENCY } from '../../api/lookUsage'
import { TrashPage } from './TrashPage'

const DAY_MS = 86_400_000

const scheduledIds = () => new Set(sim.store.data.scheduledPlans.map((p) => p.look_id))
const onDashboardIds = () =>
  new Set(
    sim.store.data.dashboards.filter((d) => !d.deleted).flatMap((d) => d.elements.map((e) => e.look_id)),
  )

/** Live looks not viewed in `days` days, straight from the simulator's records. */
function notViewed(days: number) {
  const cutoff = Date.now() - days * DAY_MS
  return sim.store.data.looks
    .filter((l) => !l.deleted)
    .filter((l) => Date.parse(l.last_viewed_at ?? l.created_at) < cutoff)
}

/** What Looker's Unused Content page would list: not public, favorited, scheduled or on a live dashboard. */
function expectedUnused(days: number, { scheduled = true, dashboard = true } = {}): string[] {
  const plans = scheduledIds()
  const tiles = onDashboardIds()
  return notViewed(days)
    .filter((l) => !l.public && l.favorite_count === 0)
    .filter((l) => !(scheduled && plans.has(l.id)) && !(dashboard && tiles.has(l.id)))
    .map((l) => l.id)
    .sort()
}

const requests = recordRequests()

function renderUnused(route = '/trash?tab=unused') {
  return renderWithProviders(<TrashPage />, { route, path: '/trash' })
}

describe('the Unused tab', () => {
  it('lists live looks not viewed in 90 days, leaving out public, favorited and scheduled looks and looks on dashboards', async () => {
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

  it('says how many looks were left out and why, and lists a scheduled look and a look on a dashboard once their filter is off', async () => {
    const plans = scheduledIds()
    const tiles = onDashboardIds()
    const candidates = notViewed(90).filter((l) => !l.public && l.favorite_count === 0)
    const scheduled = candidates.filter((l) => plans.has(l.id))
    const onDashboard = candidates.filter((l) => tiles.has(l.id) && !plans.has(l.id))
    expect(scheduled.length).toBeGreaterThan(0)
    expect(onDashboard.length).toBeGreaterThan(0)
    const { router } = renderUnused('/trash?tab=unused&size=100')
    const publicCount = notViewed(90).filter((l) => l.public).length
    const favorited = notViewed(90).filter((l) => !l.public && l.favorite_count > 0).length
    // The counts grow as the per-look checks answer: wait for the checks to end, then read the final line.
    await screen.findByText(/^Left out \d+ looks:/)
    await waitFor(() => expect(screen.queryByText(/^Checking which looks/)).not.toBeInTheDocument())
    expect(screen.getByText(/^Left out \d+ looks:/)).toHaveTextContent(
      `Left out ${publicCount + favorited + scheduled.length + onDashboard.length} looks: ${publicCount} public, ${favorited} favorited, ${scheduled.length} scheduled, ${onDashboard.length} on a dashboard (each counted under its first reason).`,
    )
    const table = screen.getByRole('table', { name: 'Unused looks' })
    const listed = () =>
      within(table)
        .queryAllByRole('link')
        .map((a) => a.getAttribute('href')!.split('/').pop()!)
    expect(listed()).not.toContain(scheduled[0]!.id)
    expect(listed()).not.toContain(onDashboard[0]!.id)

    await userEvent.click(screen.getByRole('checkbox', { name: 'Scheduled' }))
    expect(router.state.location.search).toBe('?tab=unused&show=scheduled&size=100')
    await waitFor(() => expect(listed()).toContain(scheduled[0]!.id))
    expect(listed()).not.toContain(onDashboard[0]!.id)
    await userEvent.click(screen.getByRole('checkbox', { name: 'On a dashboard' }))
    await waitFor(() =>
      expect(listed().sort()).toEqual(expectedUnused(90, { scheduled: false, dashboard: false })),
    )
    expect(listed()).toContain(onDashboard[0]!.id)
    // Switching a filter back on uses the cached answers: no look is checked twice.
    await userEvent.click(screen.getByRole('checkbox', { name: 'Scheduled' }))
    await waitFor(() => expect(listed()).not.toContain(scheduled[0]!.id))
    const reads = requests
      .filter((r) => r.url.pathname.includes('/scheduled_plans/look/'))
      .map((r) => r.url.pathname)
    expect(reads.length).toBe(new Set(reads).size)
  })

  it('checks each look once, as an admin for everyone’s schedules, at most a few at a time', async () => {
    let active = 0
    let most = 0
    const counting = (request: { url: string }) => {
      const path = new URL(request.url).pathname
      return path.includes('/scheduled_plans/look/') || path.endsWith('/dashboard_elements/search')
    }
    const start = ({ request }: { request: Request }) => {
      if (counting(request)) most = Math.max(most, ++active)
    }
    const end = ({ request }: { request: Request }) => {
      if (counting(request)) active--
    }
    server.events.on('request:start', start)
    server.events.on('response:mocked', end)
    try {
      renderUnused('/trash?tab=unused&size=100')
      const table = await screen.findByRole('table', { name: 'Unused looks' })
      await waitFor(() =>
        expect(within(table).getAllByRole('row')).toHaveLength(expectedUnused(90).length + 1),
      )
    } finally {
      server.events.removeListener('request:start', start)
      server.events.removeListener('response:mocked', end)
    }
    const checked = notViewed(90).filter((l) => !l.public && l.favorite_count === 0)
    const scheduleReads = requests.filter((r) => r.url.pathname.includes('/scheduled_plans/look/'))
    const elementReads = requests.filter((r) => r.url.pathname.endsWith('/dashboard_elements/search'))
    expect(scheduleReads).toHaveLength(checked.length)
    expect(elementReads).toHaveLength(checked.length)
    for (const r of scheduleReads) expect(r.url.searchParams.get('all_users')).toBe('true')
    for (const r of elementReads) expect(r.url.searchParams.get('look_id')).toMatch(/^\d+$/)
    expect(new Set(scheduleReads.map((r) => r.url.pathname)).size).toBe(checked.length)
    expect(most).toBeGreaterThan(0)
    expect(most).toBeLessThanOrEqual(USAGE_CHECK_CONCURRENCY)
  })

  it('a look whose check fails is not called unused; "Check again" asks again and then lists it', async () => {
    const victim = expectedUnused(90)[0]!
    sim.faults.setRules([{ kind: 500, rate: 1, method: 'GET', path: `/scheduled_plans/look/${victim}` }])
    renderUnused('/trash?tab=unused&size=100')
    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 })
    expect(alert).toHaveTextContent('Could not check 1 look')
    const table = screen.getByRole('table', { name: 'Unused looks' })
    const listed = () =>
      within(table)
        .queryAllByRole('link')
        .map((a) => a.getAttribute('href')!.split('/').pop()!)
    expect(listed()).not.toContain(victim)
    sim.faults.setRules([])
    await userEvent.click(within(alert).getByRole('button', { name: 'Check again' }))
    await waitFor(() => expect(listed()).toContain(victim))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
