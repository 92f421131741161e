import { beforeAll, describe, expect, it } from 'vitest'
import { loadFonts } from './font/index.ts'
import { drawVisualization } from './chart.ts'
import { generateQueryData } from './data.ts'
import { encodePng } from './png.ts'
import { Raster } from './raster.ts'
import { decodePng, pngChunks, sameBytes } from './test-support.ts'
import { adler32, zlibStored } from './zlib.ts'

// Charts draw text synchronously; the renderer's entry points load the font first, these tests do it here.
beforeAll(() => loadFonts())

function chartRaster(width: number, height: number): Raster {
  const raster = new Raster(width, height)
  const data = generateQueryData({ fields: ['orders.created_month', 'orders.count'] }, 1)
  drawVisualization(raster, { title: 'Orders by Month', visType: 'looker_column', data })
  return raster
}

describe('encodePng', () => {
  it('writes the PNG signature and an IHDR with exactly the requested width and height', async () => {
    const bytes = await encodePng(chartRaster(321, 123))
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const chunks = pngChunks(bytes)
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND'])
    const header = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset)
    expect([header.getUint32(0), header.getUint32(4)]).toEqual([321, 123])
    expect([...chunks[0]!.data.subarray(8)]).toEqual([8, 2, 0, 0, 0])
  })

  it('gives every chunk a valid CRC', async () => {
    const chunks = pngChunks(await encodePng(chartRaster(200, 150)))
    expect(chunks.every((c) => c.crcOk)).toBe(true)
  })

  it('decodes back to the drawn pixels: white background, coloured chart marks', async () => {
    const raster = chartRaster(400, 300)
    const image = await decodePng(await encodePng(raster))
    expect(image.pixel(0, 0)).toBe(0xffffff)
    expect(image.pixel(399, 299)).toBe(0xffffff)
    let chartPixels = 0
    for (let y = 0; y < 300; y++)
      for (let x = 0; x < 400; x++) if (image.pixel(x, y) === 0x3eb0d5) chartPixels++
    expect(chartPixels).toBeGreaterThan(1000)
    for (const [x, y] of [
      [10, 10],
      [200, 150],
      [123, 201],
    ] as const) {
      const [r, g, b] = raster.getPixel(x, y)
      expect(image.pixel(x, y)).toBe((r << 16) | (g << 8) | b)
    }
  })

  it('produces the same image with uncompressed deflate blocks, only bigger', async () => {
    const raster = chartRaster(300, 200)
    const deflated = await encodePng(raster)
    const stored = await encodePng(raster, { compression: 'stored' })
    expect(stored.length).toBeGreaterThan(deflated.length * 5)
    expect(sameBytes((await decodePng(stored)).pixels, (await decodePng(deflated)).pixels)).toBe(true)
  })
})

describe('zlib helpers', () => {
  it('computes Adler-32 as zlib does', () => {
    expect(adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398)
  })

  it('splits stored deflate into 64 KiB blocks and ends with the checksum', () => {
    const data = new Uint8Array(150_000).map((_, i) => i % 251)
    const out = zlibStored(data)
    expect(out.length).toBe(2 + 3 * 5 + data.length + 4)
    expect([out[0], out[1]]).toEqual([0x78, 0x01])
  })
})
