import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist'
// Vite emits the worker as a hashed file of our own build: `worker-src 'self'` allows it, no CDN needed.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

/**
 * pdf.js (Mozilla, Apache-2.0; docs/decisions/0019), loaded only when a PDF is shown: this module is
 * imported by PdfPages' lazy chunk and nothing else. Parsing runs in pdf.js's worker, served from our
 * origin; pages are drawn to <canvas>, which our CSP allows (it forbids <object> and blob: frames).
 */
GlobalWorkerOptions.workerSrc = workerUrl

export interface PdfPage {
  /** Draws the page into `canvas`, `cssWidth` CSS pixels across at the screen's pixel density. */
  draw: (canvas: HTMLCanvasElement, cssWidth: number) => { done: Promise<void>; cancel: () => void }
  /** Height ÷ width, for the page's box before it is drawn. */
  aspect: number
}

export interface PdfDocument {
  pages: PdfPage[]
  destroy: () => void
}

export async function openPdf(bytes: ArrayBuffer): Promise<PdfDocument> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    // No WebAssembly decoders: our CSP has no 'wasm-unsafe-eval', and the JS decoders cover what
    // Looker's PDFs hold. Base-14 fonts fall back to the system's (useSystemFonts' web default).
    useWasm: false,
  })
  const doc = await task.promise
  try {
    const pages: PdfPage[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const base = page.getViewport({ scale: 1 })
      pages.push({
        aspect: base.height / base.width,
        draw: (canvas, cssWidth) => {
          const ratio = Math.min(window.devicePixelRatio || 1, 2)
          const viewport = page.getViewport({ scale: (cssWidth * ratio) / base.width })
          canvas.width = Math.round(viewport.width)
          canvas.height = Math.round(viewport.height)
          const render = page.render({ canvas, viewport })
          return { done: render.promise, cancel: () => render.cancel() }
        },
      })
    }
    return { pages, destroy: () => void task.destroy() }
  } catch (error) {
    void task.destroy()
    throw error
  }
}
