import { beforeAll, describe, expect, it } from 'vitest'
import { loadFonts } from './font/index.ts'
import { drawVisualization, normalizeVisType } from './chart.ts'
import { COLORS, PALETTE } from './chart/theme.ts'
import { generateQueryData, type QueryData } from './data.ts'
import { Raster } from './raster.ts'
import { sameBytes } from './test-support.ts'

// Charts draw text synchronously; the renderer's entry points load the font first, these tests do it here.
beforeAll(() => loadFonts())

const byMonth = generateQueryData({ fields: ['orders.created_month', 'orders.count'] }, 5)
const byCategory = generateQueryData(
  { fields: ['products.category', 'order_items.total_sale_price'], limit: 8 },
  5,
)
const total = generateQueryData({ fields: ['orders.count'] }, 5)
const noRows: QueryData = { columns: byMonth.columns, rows: [] }

const cases: [string, QueryData][] = [
  ['looker_column', byMonth],
  ['looker_bar', byCategory],
  ['looker_line', byMonth],
  ['looker_area', byMonth],
  ['looker_scatter', byMonth],
  ['looker_pie', byCategory],
  ['looker_donut_multiples', byCategory],
  ['looker_grid', byCategory],
  ['single_value', total],
]

const rgbAt = (raster: Raster, i: number) =>
  ((raster.data[i] ?? 0) << 16) | ((raster.data[i + 1] ?? 0) << 8) | (raster.data[i + 2] ?? 0)

/** Pixels (below the title band) whose colour is not the white background. */
function inkBelow(raster: Raster, top: number): number {
  let count = 0
  for (let i = top * raster.width * 4; i < raster.data.length; i += 4)
    if (rgbAt(raster, i) !== 0xffffff) count++
  return count
}

/** Share of pixels painted in an exact series colour (anti-aliased edges and text do not count). */
function paletteShare(raster: Raster): number {
  const palette = new Set(PALETTE)
  let count = 0
  for (let i = 0; i < raster.data.length; i += 4) if (palette.has(rgbAt(raster, i))) count++
  return count / (raster.width * raster.height)
}

describe('drawVisualization', () => {
  it.each(cases)('draws %s at 800×600 with its data below the title', (visType, data) => {
    const raster = new Raster(800, 600)
    const drawn = drawVisualization(raster, { title: 'Business Pulse', visType, data })
    expect(drawn).toBe(normalizeVisType(visType))
    expect(inkBelow(raster, 60)).toBeGreaterThan(2000)
    if (visType !== 'looker_grid' && visType !== 'single_value')
      expect(paletteShare(raster)).toBeGreaterThan(0.0008)
  })

  it.each(cases)('draws %s at a tiny 100×100 without throwing', (visType, data) => {
    const raster = new Raster(100, 100)
    expect(() =>
      drawVisualization(raster, { title: 'A rather long title for a thumbnail', visType, data }),
    ).not.toThrow()
    expect(inkBelow(raster, 0)).toBeGreaterThan(100)
  })

  it('says "No results" (in the muted colour, mid-chart) when the query returned no rows', () => {
    const raster = new Raster(400, 300)
    expect(drawVisualization(raster, { title: 'Empty', visType: 'looker_column', data: noRows })).toBe(
      'no_results',
    )
    let muted = 0
    for (let y = 100; y < 200; y++) {
      for (let x = 100; x < 300; x++) {
        const [r, g, b] = raster.getPixel(x, y)
        if (((r << 16) | (g << 8) | b) === COLORS.muted) muted++
      }
    }
    expect(muted).toBeGreaterThan(50)
    expect(paletteShare(raster)).toBe(0)
  })

  it('draws identical pixels for identical input', () => {
    const a = new Raster(300, 200)
    const b = new Raster(300, 200)
    drawVisualization(a, { title: 'Same', visType: 'looker_line', data: byMonth })
    drawVisualization(b, { title: 'Same', visType: 'looker_line', data: byMonth })
    expect(sameBytes(a.data, b.data)).toBe(true)
  })

  it('falls back to a table when a chart has no measure to plot, and picks a type when none is given', () => {
    const dimensionsOnly = generateQueryData({ fields: ['users.state'] }, 1)
    expect(drawVisualization(new Raster(300, 200), { visType: 'looker_line', data: dimensionsOnly })).toBe(
      'table',
    )
    expect(drawVisualization(new Raster(300, 200), { visType: 'looker_map', data: byMonth })).toBe('column')
    expect(drawVisualization(new Raster(300, 200), { visType: null, data: total })).toBe('single_value')
  })

  it('keeps drawing inside the rectangle it is given', () => {
    const raster = new Raster(400, 300)
    drawVisualization(
      raster,
      { title: 'Tile', visType: 'looker_column', data: byMonth },
      { x: 200, y: 150, width: 200, height: 150 },
    )
    let outside = 0
    for (let y = 0; y < 300; y++) {
      for (let x = 0; x < 400; x++) {
        if ((x < 200 || y < 150) && rgbAt(raster, (y * 400 + x) * 4) !== 0xffffff) outside++
      }
    }
    expect(outside).toBe(0)
    expect(inkBelow(raster, 150)).toBeGreaterThan(1000)
  })
})
