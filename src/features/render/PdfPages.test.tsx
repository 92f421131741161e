import { screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '../../test/render'
import type { PdfDocument } from './pdfDocument'
import { PdfPages } from './PdfPages'

// jsdom can neither run pdf.js's worker nor draw on a canvas: the real pdf.js is exercised in the e2e story
// "an analyst finds a LookML dashboard and renders it as an A4 landscape PDF, shown inline". Here, a
// document of two pages stands in for it, to check what PdfPages does with one.
const openPdf = vi.fn<(bytes: ArrayBuffer) => Promise<PdfDocument>>()
vi.mock('./pdfDocument', () => ({ openPdf: (bytes: ArrayBuffer) => openPdf(bytes) }))

const destroyed = vi.fn()
const drawn: { width: number; cancelled: boolean }[] = []
function twoPages(): PdfDocument {
  const page = (aspect: number) => ({
    aspect,
    draw: (_canvas: HTMLCanvasElement, width: number) => {
      const entry = { width, cancelled: false }
      drawn.push(entry)
      return { done: Promise.resolve(), cancel: () => (entry.cancelled = true) }
    },
  })
  return { pages: [page(1 / Math.SQRT2), page(1 / Math.SQRT2)], destroy: destroyed }
}

const pdf = () => new Blob(['%PDF-1.4 …'], { type: 'application/pdf' })

beforeEach(() => {
  openPdf.mockReset()
  destroyed.mockReset()
  drawn.length = 0
})

describe('PdfPages', () => {
  it('shows every page as an image named "Page n of N", each drawn once, and releases the document after', async () => {
    openPdf.mockResolvedValue(twoPages())
    const blob = pdf()
    const { unmount } = renderWithProviders(<PdfPages blob={blob} title="Board.pdf" />)
    expect(screen.getByRole('status', { name: 'Opening the PDF' })).toBeInTheDocument()
    const list = await screen.findByRole('list', { name: 'Board.pdf: 2 pages' })
    expect(list).toBeVisible()
    const pages = screen.getAllByRole('img')
    expect(pages.map((p) => p.getAttribute('aria-label'))).toEqual(['Page 1 of 2', 'Page 2 of 2'])
    await waitFor(() => expect(pages.every((p) => p.getAttribute('data-drawn') === 'true')).toBe(true))
    expect(drawn).toHaveLength(2)
    // The bytes pdf.js was given are the Blob's.
    expect(new TextDecoder().decode(openPdf.mock.calls[0]![0]).slice(0, 5)).toBe('%PDF-')
    unmount()
    expect(destroyed).toHaveBeenCalledTimes(1)
  })

  it('a PDF pdf.js cannot read says so, and points to Open and Download', async () => {
    openPdf.mockRejectedValue(new Error('Invalid PDF structure.'))
    renderWithProviders(<PdfPages blob={pdf()} title="Broken.pdf" />)
    expect(
      await screen.findByText(
        'This PDF cannot be shown in the page (Invalid PDF structure.). Open or download it instead.',
      ),
    ).toBeVisible()
    expect(screen.queryByRole('img')).not.toBeInTheDocument()
  })

  it('a document that opens after the panel is gone is released at once', async () => {
    let resolve: (doc: PdfDocument) => void = () => {}
    openPdf.mockReturnValue(new Promise((r) => (resolve = r)))
    const { unmount } = renderWithProviders(<PdfPages blob={pdf()} title="Late.pdf" />)
    await waitFor(() => expect(openPdf).toHaveBeenCalled())
    unmount()
    resolve(twoPages())
    await waitFor(() => expect(destroyed).toHaveBeenCalledTimes(1))
    expect(drawn).toEqual([])
  })
})
