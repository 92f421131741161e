// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiLookWithQuery, ApiQuery } from '../api-types'
import { ManualClock } from '../clock'
import type { ApiValidationError } from '../errors'
import { jpegSegments, pngChunks } from '../render/test-support'
import { createLookerSim, type LookerSim } from '../sim'
import { timesOutOnFirstRender } from '../tasks/failures'
import { queryData } from '../tasks/query-results'
import { clientFor, LOOKS, TEST_ORIGIN, type TestClient } from '../test-client'
import { readSheetCells, readZip } from './test-support'
import { XLSX_CONTENT_TYPE } from './xlsx'

let sim: LookerSim
let clock: ManualClock
let analyst: TestClient

beforeEach(() => {
  clock = new ManualClock()
  sim = createLookerSim({ lookCount: 60, clock, tasks: { renderDurationMs: { min: 500, max: 500 } } })
  analyst = clientFor(sim, 'analyst')
})

/** The raw response, for bodies that are not JSON. */
async function fetchAs(client: TestClient, path: string): Promise<Response> {
  return sim.handle(
    new Request(`${TEST_ORIGIN}/api/4.0${path}`, { headers: { Authorization: `token ${client.token}` } }),
  )
}

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer())

/** A live look whose query runs and renders at the first attempt, with more than `minRows` rows. */
function healthyLook(minRows = 2) {
  const look = sim.store.data.looks.find((l) => {
    const query = sim.store.query(l.query_id)!
    return (
      !l.deleted &&
      !/legacy|scratchpad/i.test(l.title) &&
      !timesOutOnFirstRender(sim.store.seed, l) &&
      query.fields.length >= 2 &&
      queryData(query, sim.store.seed).rows.length > minRows
    )
  })
  if (!look) throw new Error('the seed has no such look')
  return { look, query: sim.store.query(look.query_id)! }
}

/** Column labels as lookml_model_explore names them, in the look's field order. */
async function exploreLabels(query: { model: string; view: string; fields: string[] }) {
  const explore = await analyst.get<{
    fields: { dimensions: { name: string; label: string }[]; measures: { name: string; label: string }[] }
  }>(`/lookml_models/${query.model}/explores/${query.view}`)
  const byName = new Map(
    [...explore.body.fields.dimensions, ...explore.body.fields.measures].map((f) => [f.name, f.label]),
  )
  return query.fields.map((f) => byName.get(f))
}

describe('run_look and run_query: data formats', () => {
  it('csv with limit=-1 has every row under the explore’s column labels', async () => {
    const { look, query } = healthyLook(10)
    const response = await fetchAs(analyst, `/looks/${look.id}/run/csv?limit=-1`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const lines = (await response.text()).trimEnd().split('\n')
    expect(lines[0]!.split(',')).toEqual(await exploreLabels(query))
    const all = queryData(query, sim.store.seed, -1)
    expect(all.rows.length).toBeGreaterThan(Number(query.limit ?? 500) > 10 ? 10 : 0)
    expect(lines).toHaveLength(all.rows.length + 1)
    const limited = (await (await fetchAs(analyst, `/looks/${look.id}/run/csv?limit=3`)).text()).trimEnd()
    expect(limited.split('\n')).toHaveLength(4)
  })

  it('json is the rows; json_bi adds field metadata with exactly the spec’s properties', async () => {
    const { look, query } = healthyLook()
    const json = await analyst.get<Record<string, unknown>[]>(`/looks/${look.id}/run/json?limit=5`)
    expect(json.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect(json.body).toHaveLength(Math.min(5, queryData(query, sim.store.seed).rows.length))
    expect(Object.keys(json.body[0]!)).toEqual(query.fields)

    const bi = await analyst.get<{
      metadata: Record<string, unknown> & {
        fields: Record<string, { name: string; label: string; category: string }[]>
      }
      rows: Record<string, { value: unknown }>[]
    }>(`/queries/${query.id}/run/json_bi?limit=5`)
    expect(bi.status).toBe(200)
    expect(Object.keys(bi.body).sort()).toEqual(['metadata', 'rows'])
    expect(Object.keys(bi.body.metadata).sort()).toEqual(
      [
        'big_query_metadata',
        'columns_truncated',
        'fields',
        'filter_expression',
        'filters',
        'has_subtotals',
        'has_totals',
        'pivots',
        'sql',
      ].sort(),
    )
    expect(Object.keys(bi.body.metadata.fields).sort()).toEqual([
      'dimensions',
      'measures',
      'pivots',
      'table_calculations',
    ])
    const described = [...bi.body.metadata.fields.dimensions!, ...bi.body.metadata.fields.measures!]
    for (const field of described) {
      expect(Object.keys(field).sort()).toEqual([
        'category',
        'description',
        'dimension_group',
        'field_group_label',
        'field_group_variant',
        'hidden',
        'label',
        'name',
        'sql',
        'type',
        'view',
        'view_label',
      ])
    }
    expect(new Set(described.map((f) => f.name))).toEqual(
      new Set(query.fields.filter((f) => !/percent_of_total/.test(f))),
    )
    expect(
      bi.body.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.value]))),
    ).toEqual(json.body)
    expect(typeof bi.body.metadata.sql).toBe('string')
    // The viewer may not see SQL: json_bi says so with null.
    const viewerBi = await clientFor(sim, 'viewer').get<{ metadata: { sql: unknown } }>(
      `/queries/${query.id}/run/json_bi`,
    )
    expect(viewerBi.body.metadata.sql).toBeNull()
  })

  it('txt, md, html, sql and json_detail come as the text Looker sends, with their content types', async () => {
    const { look, query } = healthyLook()
    const labels = await exploreLabels(query)
    const get = async (format: string) => {
      const response = await fetchAs(analyst, `/looks/${look.id}/run/${format}?limit=2`)
      expect(response.status, format).toBe(200)
      return { type: response.headers.get('Content-Type'), text: await response.text() }
    }
    const txt = await get('txt')
    expect(txt.type).toBe('text/plain; charset=utf-8')
    expect(txt.text.split('\n')[0]).toBe(labels.join('\t'))
    const md = await get('md')
    expect(md.type).toBe('text/markdown; charset=utf-8')
    expect(md.text.split('\n')[0]).toBe(`| ${labels.join(' | ')} |`)
    const html = await get('html')
    expect(html.type).toBe('text/html; charset=utf-8')
    expect(html.text).toContain(`<th>${labels[0]}</th>`)
    const sql = await get('sql')
    expect(sql.type).toBe('text/plain; charset=utf-8')
    expect(sql.text).toMatch(/^SELECT\n[\s\S]*LIMIT 2\n$/)
    const detail = await get('json_detail')
    expect(detail.type).toBe('application/json; charset=utf-8')
    expect((JSON.parse(detail.text) as { data: unknown[] }).data).toHaveLength(2)
  })

  it('apply_formatting renders values; apply_vis hides and renames columns as the vis_config says', async () => {
    const created = await analyst.post<ApiQuery>('/queries', {
      model: 'ecommerce',
      view: 'order_items',
      fields: ['users.state', 'order_items.total_sale_price', 'order_items.count'],
      sorts: ['users.state'],
      limit: '3',
      vis_config: {
        type: 'looker_grid',
        hidden_fields: ['order_items.count'],
        series_labels: { 'order_items.total_sale_price': 'Sales ($)' },
      },
    })
    const id = created.body.id
    const plain = (await (await fetchAs(analyst, `/queries/${id}/run/csv`)).text()).split('\n')
    expect(plain[0]).toBe('Users State,Order Items Revenue,Order Items Items Sold')
    expect(plain[1]).toMatch(/^Alabama,\d+(\.\d+)?,\d+$/)
    const formatted = (
      await (await fetchAs(analyst, `/queries/${id}/run/csv?apply_formatting=true`)).text()
    ).split('\n')
    expect(formatted[1]).toMatch(/^Alabama,"\$[\d,]+\.\d\d","?[\d,]+"?$/)
    const vis = (await (await fetchAs(analyst, `/queries/${id}/run/csv?apply_vis=true`)).text()).split('\n')
    expect(vis[0]).toBe('Users State,Sales ($)')
  })
})

describe('run formats: xlsx', () => {
  it('is a real workbook: a ZIP with the OOXML parts, the labels in row 1 and every value below', async () => {
    const { look, query } = healthyLook()
    const response = await fetchAs(analyst, `/looks/${look.id}/run/xlsx?limit=-1&apply_formatting=true`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe(XLSX_CONTENT_TYPE)
    const bytes = await bytesOf(response)
    expect(Number(response.headers.get('Content-Length'))).toBe(bytes.length)
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
    const files = await readZip(bytes)
    expect(files.map((f) => f.name)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ])
    const text = (name: string) => new TextDecoder().decode(files.find((f) => f.name === name)!.data)
    expect(text('[Content_Types].xml')).toContain('spreadsheetml.sheet.main+xml')
    expect(text('xl/workbook.xml')).toContain('<sheet name="Sheet1" sheetId="1" r:id="rId1"/>')
    expect(text('xl/_rels/workbook.xml.rels')).toContain('Target="worksheets/sheet1.xml"')

    const rows = readSheetCells(text('xl/worksheets/sheet1.xml'))
    const data = queryData(query, sim.store.seed, -1)
    expect(rows.map((r) => r.length)).toEqual([
      query.fields.length,
      ...data.rows.map((r) => Object.values(r).filter((v) => v !== null).length),
    ])
    expect(rows[0]!.map((c) => c.value)).toEqual(await exploreLabels(query))
    expect(rows[0]!.every((c) => c.style === 1)).toBe(true) // bold header
    expect(rows[0]!.map((c) => c.ref)).toEqual(query.fields.map((_, i) => `${String.fromCharCode(65 + i)}1`))
    data.rows.forEach((row, r) => {
      expect(rows[r + 1]!.map((c) => c.value)).toEqual(
        query.fields.map((f) => row[f]).filter((v) => v !== null),
      )
    })
    // Formatted measures are numbers with a number format, never text.
    const measureCells = rows.slice(1).flatMap((r) => r.filter((c) => typeof c.value === 'number'))
    expect(measureCells.length).toBeGreaterThan(0)
    expect(measureCells.every((c) => c.style >= 2)).toBe(true)
  })

  it('without apply_formatting, numbers carry no number format', async () => {
    const { query } = healthyLook()
    const files = await readZip(
      await bytesOf(await fetchAs(analyst, `/queries/${query.id}/run/xlsx?limit=5`)),
    )
    const sheet = new TextDecoder().decode(files.find((f) => f.name === 'xl/worksheets/sheet1.xml')!.data)
    const cells = readSheetCells(sheet).slice(1).flat()
    expect(cells.filter((c) => typeof c.value === 'number').every((c) => c.style === 0)).toBe(true)
  })
})

describe('run formats: images', () => {
  it('png at image_width × image_height, the same bytes a render task of that look gives', async () => {
    const { look } = healthyLook()
    const response = await fetchAs(analyst, `/looks/${look.id}/run/png?image_width=640&image_height=360`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('image/png')
    const png = await bytesOf(response)
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const header = new DataView(pngChunks(png)[0]!.data.buffer, pngChunks(png)[0]!.data.byteOffset)
    expect([header.getUint32(0), header.getUint32(4)]).toEqual([640, 360])

    const task = await analyst.post<{ id: string }>(`/render_tasks/looks/${look.id}/png?width=640&height=360`)
    clock.advance(500)
    const rendered = await bytesOf(await fetchAs(analyst, `/render_tasks/${task.body.id}/results`))
    expect(rendered).toEqual(png)
  })

  it('jpg of a query, 800 × 600 when no size is given', async () => {
    const { query } = healthyLook()
    const response = await fetchAs(analyst, `/queries/${query.id}/run/jpg`)
    expect(response.headers.get('Content-Type')).toBe('image/jpeg')
    const jpg = await bytesOf(response)
    expect([jpg[0], jpg[1], jpg.at(-2), jpg.at(-1)]).toEqual([0xff, 0xd8, 0xff, 0xd9])
    const sof = jpegSegments(jpg).find((s) => s.marker === 0xc0)!.data
    expect([(sof[3]! << 8) | sof[4]!, (sof[1]! << 8) | sof[2]!]).toEqual([800, 600])
  })
})

describe('run_look and run_query: errors and permissions', () => {
  it('400 for an unknown format or a malformed number, 422 for limits and sizes out of range', async () => {
    const { look } = healthyLook()
    expect((await analyst.get(`/looks/${look.id}/run/pdf`)).status).toBe(400)
    expect((await analyst.get(`/looks/${look.id}/run/csv?limit=ten`)).status).toBe(400)
    expect((await analyst.get(`/looks/${look.id}/run/csv?apply_vis=maybe`)).status).toBe(400)
    const zero = await analyst.get<ApiValidationError>(`/looks/${look.id}/run/csv?limit=0`)
    expect(zero.status).toBe(422)
    expect(zero.body.errors[0]).toMatchObject({ field: 'limit', code: 'invalid' })
    const tiny = await analyst.get<ApiValidationError>(
      `/looks/${look.id}/run/png?image_width=50&image_height=9000`,
    )
    expect(tiny.body.errors.map((e) => e.field)).toEqual(['image_width', 'image_height'])
  })

  it('404 for unknown looks and queries, looks in the trash and other users’ personal looks', async () => {
    expect((await analyst.get('/looks/999999/run/json')).status).toBe(404)
    expect((await analyst.get('/queries/999999/run/json')).status).toBe(404)
    expect((await analyst.get(`/looks/${LOOKS.oldPipelineDeleted}/run/json`)).status).toBe(404)
    expect((await analyst.get(`/looks/${LOOKS.veraSaved}/run/json`)).status).toBe(404)
    // The viewer runs and downloads the looks they can see.
    const viewer = clientFor(sim, 'viewer')
    const csv = await fetchAs(viewer, `/looks/${LOOKS.conversionPct}/run/csv`)
    expect(csv.status).toBe(200)
    expect((await csv.text()).split('\n').length).toBeGreaterThan(2)
  })

  it('a query that fails in the database: json_detail carries the error, other formats are a 400', async () => {
    const legacy = sim.store.data.looks.find((l) => /legacy/i.test(l.title) && !l.deleted)!
    const csv = await analyst.get<{ message: string }>(`/looks/${legacy.id}/run/csv`)
    expect(csv.status).toBe(400)
    expect(csv.body.message).toContain('does not exist')
    const detail = await analyst.get<{ errors: { message: string }[]; data: unknown[] }>(
      `/queries/${legacy.query_id}/run/json_detail`,
    )
    expect(detail.status).toBe(200)
    expect(detail.body.data).toEqual([])
    expect(detail.body.errors[0]?.message).toContain('does not exist')
    const look = (await analyst.get<ApiLookWithQuery>(`/looks/${legacy.id}`)).body
    expect((await analyst.get(`/queries/${look.query_id}/run/png`)).status).toBe(400)
  })
})
