import { measurePdfText, winAnsiBytes } from './pdf-fonts.ts'
import { concatBytes } from './zlib.ts'
import type { Rgb } from './raster.ts'

export type PaperSize = 'letter' | 'legal' | 'tabloid' | 'a0' | 'a1' | 'a2' | 'a3' | 'a4' | 'a5'

/** Portrait page sizes in PDF points (1/72 inch), as Looker's pdf_paper_size names them. */
export const PAPER_SIZES: Record<PaperSize, { width: number; height: number }> = {
  letter: { width: 612, height: 792 },
  legal: { width: 612, height: 1008 },
  tabloid: { width: 792, height: 1224 },
  a0: { width: 2384, height: 3370 },
  a1: { width: 1684, height: 2384 },
  a2: { width: 1191, height: 1684 },
  a3: { width: 842, height: 1191 },
  a4: { width: 595, height: 842 },
  a5: { width: 420, height: 595 },
}

export function isPaperSize(value: unknown): value is PaperSize {
  return typeof value === 'string' && Object.hasOwn(PAPER_SIZES, value)
}

export function pageSize(paper: PaperSize, landscape: boolean): { width: number; height: number } {
  const { width, height } = PAPER_SIZES[paper]
  return landscape ? { width: height, height: width } : { width, height }
}

export interface PdfJpeg {
  bytes: Uint8Array
  width: number
  height: number
}

export interface PdfTextOptions {
  bold?: boolean
  color?: Rgb
  align?: 'left' | 'center' | 'right'
}

const num = (n: number) => (Math.round(n * 100) / 100).toString()
const colorOps = (color: Rgb) =>
  [(color >> 16) & 255, (color >> 8) & 255, color & 255].map((c) => num(c / 255)).join(' ')

/** PDF string literal: printable ASCII verbatim, delimiters escaped, everything else as octal. */
function pdfString(text: string): string {
  let out = '('
  for (const byte of winAnsiBytes(text)) {
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += '\\' + String.fromCharCode(byte)
    else if (byte < 127) out += String.fromCharCode(byte)
    else out += '\\' + byte.toString(8).padStart(3, '0')
  }
  return out + ')'
}

/**
 * One page. Coordinates are top-left based like the raster's; the page converts to PDF's
 * bottom-left user space when it writes operators.
 */
export class PdfPage {
  readonly width: number
  readonly height: number
  readonly images: PdfJpeg[] = []
  private readonly ops: string[] = []

  constructor(width: number, height: number) {
    this.width = width
    this.height = height
  }

  /** Places a JPEG so it fills the box (x, y, width, height). */
  image(jpeg: PdfJpeg, x: number, y: number, width: number, height: number): void {
    this.images.push(jpeg)
    const name = `/Im${this.images.length}`
    this.ops.push(
      `q ${num(width)} 0 0 ${num(height)} ${num(x)} ${num(this.height - y - height)} cm ${name} Do Q`,
    )
  }

  /** Text with its baseline at `y` (Helvetica, or Helvetica-Bold). `x` is the anchor `align` refers to. */
  text(text: string, x: number, y: number, size: number, options: PdfTextOptions = {}): void {
    const width = options.align && options.align !== 'left' ? measurePdfText(text, size, options.bold) : 0
    const left = options.align === 'center' ? x - width / 2 : options.align === 'right' ? x - width : x
    const font = options.bold ? '/F2' : '/F1'
    const color = colorOps(options.color ?? 0x262d33)
    this.ops.push(
      `BT ${color} rg ${font} ${num(size)} Tf ${num(left)} ${num(this.height - y)} Td ${pdfString(text)} Tj ET`,
    )
  }

  rect(
    x: number,
    y: number,
    width: number,
    height: number,
    style: { fill?: Rgb; stroke?: Rgb; lineWidth?: number },
  ) {
    const parts = ['q']
    if (style.fill !== undefined) parts.push(`${colorOps(style.fill)} rg`)
    if (style.stroke !== undefined) parts.push(`${colorOps(style.stroke)} RG ${num(style.lineWidth ?? 1)} w`)
    parts.push(`${num(x)} ${num(this.height - y - height)} ${num(width)} ${num(height)} re`)
    const paint = style.fill !== undefined ? (style.stroke !== undefined ? 'B' : 'f') : 'S'
    parts.push(paint, 'Q')
    this.ops.push(parts.join(' '))
  }

  content(): string {
    return this.ops.join('\n')
  }
}

const encoder = new TextEncoder()

/**
 * A minimal PDF 1.4 writer: base-14 Helvetica text, DCTDecode JPEG images and filled rectangles.
 * Streams stay uncompressed (the images already are) so output is synchronous and byte-identical
 * everywhere.
 */
export class PdfDocument {
  private readonly pages: PdfPage[] = []

  addPage(width: number, height: number): PdfPage {
    const page = new PdfPage(width, height)
    this.pages.push(page)
    return page
  }

  get pageCount(): number {
    return this.pages.length
  }

  toBytes(info: { title?: string } = {}): Uint8Array {
    // Fixed objects: 1 catalog, 2 page tree, 3 Helvetica, 4 Helvetica-Bold, 5 document info.
    const objects: (string | Uint8Array)[][] = []
    const reserve = () => {
      objects.push([])
      return objects.length
    }
    const set = (id: number, ...parts: (string | Uint8Array)[]) => {
      objects[id - 1] = parts
    }
    for (let i = 0; i < 5; i++) reserve()
    const kids: number[] = []
    for (const page of this.pages) {
      const pageId = reserve()
      const contentId = reserve()
      kids.push(pageId)
      const xobjects = page.images.map((image, i) => {
        const id = reserve()
        set(
          id,
          `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceRGB` +
            ` /BitsPerComponent 8 /Filter /DCTDecode /Length ${image.bytes.length} >>\nstream\n`,
          image.bytes,
          '\nendstream',
        )
        return `/Im${i + 1} ${id} 0 R`
      })
      const content = encoder.encode(page.content())
      set(contentId, `<< /Length ${content.length} >>\nstream\n`, content, '\nendstream')
      set(
        pageId,
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}]` +
          ` /Resources << /Font << /F1 3 0 R /F2 4 0 R >> /XObject << ${xobjects.join(' ')} >> >>` +
          ` /Contents ${contentId} 0 R >>`,
      )
    }
    set(1, '<< /Type /Catalog /Pages 2 0 R >>')
    set(2, `<< /Type /Pages /Kids [${kids.map((id) => `${id} 0 R`).join(' ')}] /Count ${kids.length} >>`)
    set(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
    set(4, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>')
    set(5, `<< /Title ${pdfString(info.title ?? '')} /Producer (Lookbook Looker simulator) >>`)

    // Header: the binary comment marks the file as binary for transfer tools, per the spec's advice.
    const header = new Uint8Array([...encoder.encode('%PDF-1.4\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])
    const chunks: Uint8Array[] = [header]
    let offset = header.length
    const offsets: number[] = []
    objects.forEach((parts, i) => {
      offsets.push(offset)
      for (const part of [`${i + 1} 0 obj\n`, ...parts, '\nendobj\n']) {
        const bytes = typeof part === 'string' ? encoder.encode(part) : part
        chunks.push(bytes)
        offset += bytes.length
      }
    })
    // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, EOL pair.
    const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n']
    for (const o of offsets) xref.push(`${o.toString().padStart(10, '0')} 00000 n \n`)
    xref.push(
      `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
    )
    chunks.push(encoder.encode(xref.join('')))
    return concatBytes(chunks)
  }
}
