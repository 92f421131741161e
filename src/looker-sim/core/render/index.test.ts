import { describe, expect, it } from 'vitest'
import { renderDashboardImage, renderDashboardPdf, renderLookImage, RenderInputError } from './index.ts'
import { decodePng, jpegSegments, latin1, pngChunks, sameBytes } from './test-support.ts'

const query = { fields: ['orders.created_month', 'orders.count'], model: 'thelook', view: 'orders' }
const tiles = [
  { title: 'Orders', query, visType: 'looker_line' },
  { title: 'Total', query: { fields: ['orders.count'] }, visType: 'single_value' },
  { title: 'Sources', query: { fields: ['users.traffic_source', 'users.count'] }, visType: 'looker_pie' },
]

describe('renderLookImage', () => {
  it('renders a PNG of exactly the requested size', async () => {
    const image = await renderLookImage({
      title: 'Orders',
      query,
      visType: 'looker_column',
      width: 640,
      height: 360,
      format: 'png',
      seed: 1,
    })
    expect(image.contentType).toBe('image/png')
    const decoded = await decodePng(image.bytes)
    expect([decoded.width, decoded.height]).toEqual([640, 360])
  })

  it('renders a JPEG whose SOF0 carries the requested size', async () => {
    const image = await renderLookImage({
      title: 'Orders',
      query,
      visType: 'looker_area',
      width: 1000,
      height: 500,
      format: 'jpg',
      seed: 1,
    })
    expect(image.contentType).toBe('image/jpeg')
    const sof = jpegSegments(image.bytes).find((s) => s.marker === 0xc0)!
    expect([(sof.data[3]! << 8) | sof.data[4]!, (sof.data[1]! << 8) | sof.data[2]!]).toEqual([1000, 500])
  })

  it('gives the same bytes for the same request', async () => {
    const request = {
      title: 'Orders',
      query,
      visType: 'looker_bar',
      width: 300,
      height: 200,
      format: 'jpg' as const,
      seed: 9,
    }
    expect(sameBytes((await renderLookImage(request)).bytes, (await renderLookImage(request)).bytes)).toBe(
      true,
    )
  })

  it.each([
    [{ width: 0 }, 422, 'width'],
    [{ height: 5000 }, 422, 'height'],
    [{ width: 12.5 }, 400, 'width'],
    [{ width: '100' }, 400, 'width'],
    [{ format: 'gif' }, 400, 'result_format'],
    [{ query: { fields: 'orders.count' } }, 400, 'query'],
  ])('rejects %o with a %i RenderInputError on %s', async (override, status, field) => {
    const request = {
      title: 'x',
      query,
      visType: 'looker_column',
      width: 200,
      height: 200,
      format: 'png',
      seed: 1,
      ...override,
    }
    const error: unknown = await renderLookImage(request as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RenderInputError)
    expect(error).toMatchObject({ status, field })
  })
})

describe('renderDashboardImage', () => {
  it('lays the tiles out on one canvas of the requested size', async () => {
    const image = await renderDashboardImage({
      title: 'Pulse',
      tiles,
      width: 1200,
      height: 800,
      format: 'png',
      style: 'tiled',
      seed: 1,
    })
    const header = pngChunks(image.bytes)[0]!.data
    expect([...header.subarray(0, 8)]).toEqual([0, 0, 4, 176, 0, 0, 3, 32])
    const decoded = await decodePng(image.bytes)
    expect(decoded.pixel(1199, 799)).toBe(0xf1f3f5)
  })
})

describe('renderDashboardPdf', () => {
  it('renders a PDF on the requested paper', async () => {
    const pdf = await renderDashboardPdf({
      title: 'Pulse',
      tiles,
      paperSize: 'legal',
      landscape: true,
      style: 'single_column',
      seed: 1,
    })
    expect(pdf.contentType).toBe('application/pdf')
    const text = latin1(pdf.bytes)
    expect(text.startsWith('%PDF-1.4')).toBe(true)
    expect(text).toContain('/MediaBox [0 0 1008 612]')
  })

  it('sizes the page to width × height when no paper size is given', async () => {
    const pdf = await renderDashboardPdf({
      title: 'Pulse',
      tiles,
      paperSize: null,
      width: 1400,
      height: 900,
      seed: 1,
    })
    expect(latin1(pdf.bytes)).toContain('/MediaBox [0 0 1400 900]')
  })

  it('rejects an unknown paper size or style with a 422', async () => {
    await expect(
      renderDashboardPdf({ title: 'x', tiles, paperSize: 'b5' as never, seed: 1 }),
    ).rejects.toMatchObject({ status: 422, field: 'pdf_paper_size' })
    await expect(
      renderDashboardPdf({ title: 'x', tiles, paperSize: 'a4', style: 'grid' as never, seed: 1 }),
    ).rejects.toMatchObject({ status: 422, field: 'dashboard_style' })
  })
})
