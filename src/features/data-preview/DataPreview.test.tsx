import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { queryData } from '../../looker-sim/core/tasks/query-results'
import type { LookRecord } from '../../looker-sim/core'
import { aLook, uniqueName } from '../../test/builders'
import { renderWithProviders } from '../../test/render'
import { recordRequests, sim } from '../../test/server'
import { DataPreview } from './DataPreview'

// LOOK has a day dimension, so a row limit shows; a "legacy" look references a field removed from the
// model (the simulator fails its query, as Looker would).
let LOOK: LookRecord
let LEGACY: string
const requests = recordRequests()
const queryTaskCreates = () =>
  requests
    .filter((r) => r.method === 'POST' && r.url.pathname.endsWith('/query_tasks'))
    .map((r) => ({
      limit: r.url.searchParams.get('limit'),
      body: JSON.parse(r.body) as Record<string, unknown>,
    }))

beforeAll(() => {
  URL.createObjectURL = () => 'blob:test'
  URL.revokeObjectURL = () => {}
})
beforeEach(() => {
  sim.tasks.settings.queryDurationMs = { min: 100, max: 150 }
  LOOK = aLook({
    title: uniqueName('utm_source breakdown'),
    query: { fields: ['order_items.created_date', 'order_items.total_sale_price'] },
  })
  LEGACY = aLook({ title: uniqueName('mrr_by_plan (legacy export)') }).id
})
afterEach(() => {
  vi.restoreAllMocks()
})

function renderData(lookId: string, search = '') {
  return renderWithProviders(<DataPreview lookId={lookId} />, {
    route: `/looks/${lookId}/data${search}`,
    path: '/looks/:lookId/data',
  })
}

/**
 * Stands in for the browser's download: records each file the app saves (name, href) and the last blob it
 * exported, and opens the Export menu item `format` once the table is there.
 */
function captureExports() {
  const saves: { name: string; href: string }[] = []
  let exported: Blob | undefined
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saves.push({ name: this.download, href: this.href })
  })
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    exported = blob as Blob
    return 'blob:export'
  }
  return {
    saves,
    exported: () => exported!,
    exportAs: async (format: string) => {
      const user = userEvent.setup()
      await screen.findByRole('table', { name: `Data for ${LOOK.title}` })
      await user.click(screen.getByRole('button', { name: 'Export' }))
      await user.click(await screen.findByRole('menuitem', { name: format }))
    },
  }
}

/** What the simulator holds for the look's query: columns in the table's order (dimensions, measures). */
function expectedData(lookId: string, limit: number) {
  const look = sim.store.look(lookId)!
  const data = queryData(sim.store.query(look.query_id)!, sim.store.seed, limit)
  const columns = [...data.columns.filter((c) => !c.isMeasure), ...data.columns.filter((c) => c.isMeasure)]
  return { columns, rows: data.rows }
}

describe('data preview', () => {
  it("shows the look's rows under its column labels", async () => {
    renderData(LOOK.id)
    const table = await screen.findByRole('table', { name: `Data for ${LOOK.title}` })
    const { columns, rows } = expectedData(LOOK.id, 50)
    const [header, ...body] = within(table).getAllByRole('row')
    expect(
      within(header!)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(columns.map((c) => c.label))
    expect(body).toHaveLength(rows.length)
    const first = columns[0]!
    expect(within(body[0]!).getAllByRole('cell')[0]).toHaveTextContent(String(rows[0]![first.name]))
    expect(screen.getByText(`${rows.length} rows`)).toBeVisible()
    // The table scrolls inside its own box: that box takes Tab and is named, for keyboard scrolling.
    const scroller = screen.getByRole('region', { name: `Data for ${LOOK.title}` })
    expect(scroller).toContainElement(table)
    expect(scroller).toHaveAttribute('tabindex', '0')
    const creates = queryTaskCreates()
    expect(creates.map((c) => c.limit)).toEqual(['50'])
    expect(creates[0]?.body).toMatchObject({ result_format: 'json_detail', look_id: LOOK.id })
  })

  it('the query task is started once: reading everything again never sends its POST a second time', async () => {
    const { queryClient } = renderData(LOOK.id)
    await screen.findByRole('table', { name: `Data for ${LOOK.title}` })
    await queryClient.invalidateQueries()
    await queryClient.refetchQueries()
    expect(queryTaskCreates()).toHaveLength(1)
  })

  it('the row limit runs the query task again with that limit, and keeps it in the URL', async () => {
    const user = userEvent.setup()
    // A look with more than 10 rows, so the limit shows.
    const look = LOOK
    expect(expectedData(look.id, 50).rows.length).toBeGreaterThan(10)
    const { router } = renderData(look.id)
    const name = `Data for ${look.title}`
    const table = await screen.findByRole('table', { name })
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(11)
    await user.click(screen.getByRole('combobox', { name: 'Rows' }))
    await user.click(await screen.findByRole('option', { name: '10 rows' }))
    await waitFor(() => expect(queryTaskCreates().map((c) => c.limit)).toEqual(['50', '10']))
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name })).getAllByRole('row')).toHaveLength(11),
    )
    expect(new URLSearchParams(router.state.location.search).get('rows')).toBe('10')
  })

  it('Export runs a query task in the chosen format and downloads it under a name from the title', async () => {
    const { saves, exported, exportAs } = captureExports()
    renderData(LOOK.id)
    await exportAs('CSV')
    expect(await screen.findByText(`Downloaded ${LOOK.title}-50-rows.csv.`)).toBeVisible()
    expect(saves).toEqual([{ name: `${LOOK.title}-50-rows.csv`, href: 'blob:export' }])
    expect(queryTaskCreates().at(-1)?.limit).toBe('50')
    expect(queryTaskCreates().at(-1)?.body).toMatchObject({ result_format: 'csv', look_id: LOOK.id })
    const lines = (await exported().text()).trim().split('\n')
    const { columns, rows } = expectedData(LOOK.id, 50)
    expect(lines).toHaveLength(rows.length + 1)
    expect(lines[0]).toContain(columns[0]!.label)
    expect(exported().type).toBe('text/csv')
  })

  it('a JSON export carries raw values: numbers stay numbers', async () => {
    const { exported, exportAs } = captureExports()
    renderData(LOOK.id)
    await exportAs('JSON')
    await screen.findByText(`Downloaded ${LOOK.title}-50-rows.json.`)
    const { columns, rows } = expectedData(LOOK.id, 50)
    const measure = columns.find((c) => c.isMeasure)!
    const written = JSON.parse(await exported().text()) as Record<string, unknown>[]
    expect(written).toHaveLength(rows.length)
    expect(written[0]![measure.name]).toBe(rows[0]![measure.name])
    expect(typeof written[0]![measure.name]).toBe('number')
  })

  it("a query that fails shows Looker's reason with Retry", async () => {
    renderData(LEGACY)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/^The query failed: column "accounts\.legacy_plan_code" does not exist\./)
    expect(alert).not.toHaveTextContent(/failed.*failed/i)
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })
})
