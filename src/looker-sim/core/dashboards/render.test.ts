// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { createLookerSim } from '../sim'
import { drawableTiles, visibleDashboard } from './model'
import { withDashboardFilters } from './filters'

function setup() {
  const clock = new ManualClock()
  const sim = createLookerSim({ clock, tasks: { renderDurationMs: { min: 3_000, max: 3_000 } } })
  const token = sim.issueToken('2')
  const call = (method: string, path: string, body?: unknown) =>
    sim.handle(
      new Request(`http://looker.test/api/4.0${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
  return { clock, sim, call }
}

const PULSE = encodeURIComponent('ecommerce::business_pulse')

describe('dashboard render tasks of both kinds', () => {
  it('render a LookML dashboard by its model::name id as an A4 landscape PDF', async () => {
    const { clock, call } = setup()
    const response = await call(
      'POST',
      `/render_tasks/dashboards/${PULSE}/pdf?width=1200&height=900&pdf_paper_size=a4&pdf_landscape=true`,
      { dashboard_style: 'tiled', dashboard_filters: 'Day=30 days' },
    )
    expect(response.status).toBe(200)
    const task = (await response.json()) as Record<string, unknown>
    expect(task).toMatchObject({
      dashboard_id: 'ecommerce::business_pulse',
      lookml_dashboard_id: 'ecommerce::business_pulse',
      result_format: 'pdf',
      dashboard_filters: 'Day=30 days',
    })
    clock.advance(3_000)
    const pdf = await call('GET', `/render_tasks/${String(task.id)}/results`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf')
    const text = new TextDecoder('latin1').decode(await pdf.arrayBuffer())
    expect(text).toContain('/MediaBox [0 0 842 595]')
    expect(text).toContain('(Business Pulse)')
  })

  it('render user-defined and LookML dashboards as PNG or JPG, single column or tiled', async () => {
    const { clock, call } = setup()
    const ids = await Promise.all(
      [
        [`/render_tasks/dashboards/1/png?width=800&height=600`, 'single_column'],
        [`/render_tasks/dashboards/${PULSE}/jpg?width=640&height=480`, 'tiled'],
      ].map(async ([path, style]) => {
        const reply = await call('POST', path!, { dashboard_style: style })
        expect(reply.status).toBe(200)
        return String(((await reply.json()) as { id: string }).id)
      }),
    )
    clock.advance(30_000)
    const types = await Promise.all(
      ids.map(async (id) => (await call('GET', `/render_tasks/${id}/results`)).headers.get('Content-Type')),
    )
    expect(types).toEqual(['image/png', 'image/jpeg'])
  })

  it('is 404 for unknown dashboards of either kind, and for dashboards the caller may not see', async () => {
    const { sim, call } = setup()
    const body = { dashboard_style: 'tiled' }
    expect(
      (
        await call(
          'POST',
          `/render_tasks/dashboards/${encodeURIComponent('ecommerce::nope')}/png?width=800&height=600`,
          body,
        )
      ).status,
    ).toBe(404)
    expect((await call('POST', `/render_tasks/dashboards/999/png?width=800&height=600`, body)).status).toBe(
      404,
    )
    const viewerToken = sim.issueToken('3')
    const personal = sim.store.data.dashboards.find((d) => d.title === 'Campaign checks')!
    const asViewer = await sim.handle(
      new Request(
        `http://looker.test/api/4.0/render_tasks/dashboards/${personal.id}/png?width=800&height=600`,
        {
          method: 'POST',
          headers: { Authorization: `Bearer ${viewerToken}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        },
      ),
    )
    expect(asViewer.status).toBe(404)
  })

  it('apply the dashboard’s filters to the tiles of their explore: the default, or the value asked for', () => {
    const { sim } = setup()
    const viewer = sim.store.viewer('1')
    const sales = visibleDashboard(sim.store, viewer, '1')
    const tiles = drawableTiles(sim.store, viewer, sales)
    const onExplore = (list: typeof tiles) => list.filter((t) => t.query.view === 'users')
    expect(onExplore(tiles).length).toBeGreaterThan(0)
    const defaults = withDashboardFilters(tiles, sales.record.filters, null)
    for (const tile of onExplore(defaults))
      expect(tile.query.filters?.['users.created_date']).toBe('6 months')
    const asked = withDashboardFilters(
      tiles,
      sales.record.filters,
      'Signup Date=30 days&Country=Brazil&Nope=1',
    )
    for (const tile of onExplore(asked)) {
      expect(tile.query.filters).toMatchObject({
        'users.created_date': '30 days',
        'users.country': 'Brazil',
      })
    }
    // An empty value is "any value": the tiles keep their own filters.
    expect(withDashboardFilters(tiles, sales.record.filters, 'Signup Date=')).toEqual(tiles)
    // Tiles of other explores keep their own filters, and the stored queries are never changed.
    for (const [i, tile] of asked.entries()) {
      if (tile.query.view !== 'users') expect(tile).toBe(tiles[i])
    }
    expect(sim.store.query(tiles[0]!.query.id)).toBe(tiles[0]!.query)
  })
})
