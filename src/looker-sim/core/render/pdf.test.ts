import { beforeAll, describe, expect, it } from 'vitest'
import { loadFonts } from './font/index.ts'
import { buildDashboardPdf } from './dashboard-pdf.ts'
import { fitPdfText, measurePdfText } from './pdf-fonts.ts'
import { pageSize, PdfDocument } from './pdf.ts'
import { latin1 } from './test-support.ts'

// Charts draw text synchronously; the renderer's entry points load the font first, these tests do it here.
beforeAll(() => loadFonts())

const tiles = [
  { title: 'Orders', query: { fields: ['orders.created_month', 'orders.count'] }, visType: 'looker_line' },
  {
    title: 'Revenue',
    query: { fields: ['products.category', 'order_items.total_sale_price'] },
    visType: 'looker_bar',
  },
  { title: 'Total', query: { fields: ['orders.count'] }, visType: 'single_value' },
]

function xrefOffsets(text: string): number[] {
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1])
  expect(text.slice(start, start + 4)).toBe('xref')
  const entries = text.slice(start).split('\n').slice(3)
  return entries.filter((line) => / 00000 n $/.test(line)).map((line) => Number(line.slice(0, 10)))
}

describe('PDF output', () => {
  it('starts with %PDF-1.4 and ends with %%EOF', () => {
    const text = latin1(buildDashboardPdf('Sales', tiles, pageSize('letter', false), 'tiled', 1))
    expect(text.startsWith('%PDF-1.4\n')).toBe(true)
    expect(text.endsWith('%%EOF\n')).toBe(true)
  })

  it('has a letter landscape MediaBox of 792 × 612 points', () => {
    const text = latin1(buildDashboardPdf('Sales', tiles, pageSize('letter', true), 'tiled', 1))
    expect(text).toContain('/MediaBox [0 0 792 612]')
  })

  it('has an A4 portrait MediaBox of 595 × 842 points and one page per page of tiles', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ ...tiles[i % 3]!, title: `Tile ${i + 1}` }))
    const text = latin1(buildDashboardPdf('Sales', many, pageSize('a4', false), 'single_column', 1))
    const pages = text.match(/\/Type \/Page\b/g) ?? []
    expect(pages.length).toBeGreaterThan(1)
    expect(text).toContain(`/Count ${pages.length}`)
    expect(text.match(/\/MediaBox \[0 0 595 842\]/g)).toHaveLength(pages.length)
  })

  it('points every xref offset at the start of its "N 0 obj"', () => {
    const text = latin1(buildDashboardPdf('Sales', tiles, pageSize('a4', false), 'tiled', 1))
    const offsets = xrefOffsets(text)
    expect(offsets.length).toBeGreaterThan(5)
    offsets.forEach((offset, i) =>
      expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`),
    )
    expect(text).toContain(`/Size ${offsets.length + 1}`)
  })

  it('embeds each chart as a DCTDecode JPEG whose /Length matches its stream', () => {
    const text = latin1(buildDashboardPdf('Sales', tiles, pageSize('letter', false), 'tiled', 1))
    const images = [...text.matchAll(/\/Filter \/DCTDecode \/Length (\d+) >>\nstream\n/g)]
    expect(images).toHaveLength(3)
    for (const match of images) {
      const start = match.index + match[0].length
      const length = Number(match[1])
      expect(text.charCodeAt(start)).toBe(0xff)
      expect(text.charCodeAt(start + 1)).toBe(0xd8)
      expect(text.slice(start + length, start + length + 10)).toBe('\nendstream')
    }
  })

  it('escapes PDF string delimiters and writes non-ASCII titles in WinAnsi', () => {
    const doc = new PdfDocument()
    doc.addPage(200, 200).text('a (b) \\ café…', 10, 20, 12)
    const text = latin1(doc.toBytes())
    expect(text).toContain('(a \\(b\\) \\\\ caf\\351\\205) Tj')
  })

  it('measures Helvetica text with the standard widths and truncates with an ellipsis', () => {
    expect(measurePdfText('Hello', 10)).toBeCloseTo((722 + 556 + 222 + 222 + 556) / 100)
    expect(measurePdfText('Hello', 10, true)).toBeGreaterThan(measurePdfText('Hello', 10))
    const cut = fitPdfText('A very long dashboard title indeed', 80, 12)
    expect(cut.endsWith('…')).toBe(true)
    expect(measurePdfText(cut, 12)).toBeLessThanOrEqual(80)
  })
})
