import { beforeAll, describe, expect, it } from 'vitest'
import { loadFonts } from './font/index.ts'
import { drawVisualization } from './chart.ts'
import { generateQueryData } from './data.ts'
import { encodeJpeg } from './jpeg.ts'
import { AC_CHROMA, AC_LUMA, DC_CHROMA, DC_LUMA, ZIGZAG } from './jpeg-tables.ts'
import { Raster } from './raster.ts'
import { jpegSegments } from './test-support.ts'

// Charts draw text synchronously; the renderer's entry points load the font first, these tests do it here.
beforeAll(() => loadFonts())

function chartRaster(width: number, height: number): Raster {
  const raster = new Raster(width, height)
  const data = generateQueryData({ fields: ['products.category', 'order_items.total_sale_price'] }, 2)
  drawVisualization(raster, { title: 'Revenue', visType: 'looker_pie', data })
  return raster
}

describe('encodeJpeg', () => {
  it('starts with SOI and ends with EOI', () => {
    const bytes = encodeJpeg(chartRaster(120, 90))
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8])
    expect([bytes[bytes.length - 2], bytes[bytes.length - 1]]).toEqual([0xff, 0xd9])
  })

  it('declares a baseline SOF0 frame with exactly the requested width and height', () => {
    for (const [width, height] of [
      [801, 603],
      [100, 100],
      [17, 9],
    ] as const) {
      const sof = jpegSegments(encodeJpeg(chartRaster(width, height))).find((s) => s.marker === 0xc0)
      expect(sof).toBeDefined()
      const d = sof!.data
      expect(d[0]).toBe(8)
      expect((d[1]! << 8) | d[2]!).toBe(height)
      expect((d[3]! << 8) | d[4]!).toBe(width)
      expect(d[5]).toBe(3)
    }
  })

  it('has consistent segment lengths from SOI through SOS', () => {
    const bytes = encodeJpeg(chartRaster(200, 100), { subsampling: '420' })
    const segments = jpegSegments(bytes)
    expect(segments.map((s) => s.marker)).toEqual([0xe0, 0xdb, 0xc0, 0xc4, 0xda])
    for (const [a, b] of segments.slice(0, -1).map((s, i) => [s, segments[i + 1]!] as const)) {
      expect(b.offset).toBe(a.offset + 4 + a.data.length)
    }
    expect(segments.find((s) => s.marker === 0xdb)!.data.length).toBe(130)
    expect(segments.find((s) => s.marker === 0xc0)!.data[7]).toBe(0x22)
  })

  it('stuffs every 0xFF in the scan data so no stray marker appears before EOI', () => {
    const bytes = encodeJpeg(chartRaster(300, 200))
    const sos = jpegSegments(bytes).at(-1)!
    const scan = bytes.subarray(sos.offset + 4 + sos.data.length, bytes.length - 2)
    for (let i = 0; i < scan.length; i++) if (scan[i] === 0xff) expect(scan[i + 1]).toBe(0)
  })

  it('gets smaller as quality drops', () => {
    const raster = chartRaster(300, 200)
    const sizes = [95, 75, 30].map((quality) => encodeJpeg(raster, { quality }).length)
    expect(sizes[0]).toBeGreaterThan(sizes[1]!)
    expect(sizes[1]).toBeGreaterThan(sizes[2]!)
  })

  it('uses complete standard Huffman tables and a full zig-zag order', () => {
    for (const spec of [DC_LUMA, DC_CHROMA, AC_LUMA, AC_CHROMA]) {
      expect(spec.counts.reduce((a, b) => a + b, 0)).toBe(spec.symbols.length)
    }
    expect([...ZIGZAG.slice(0, 6)]).toEqual([0, 1, 8, 16, 9, 2])
    expect(new Set(ZIGZAG).size).toBe(64)
  })
})
