import { crc32 } from '../render/png'

/**
 * A small ZIP and SpreadsheetML reader for tests: enough to prove a workbook is a well-formed package
 * (central directory, local headers, CRCs, inflatable entries) and to read back its cells.
 */
export interface ZipFile {
  name: string
  method: number
  data: Uint8Array
}

async function inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes))
      controller.close()
    },
  }).pipeThrough(new DecompressionStream('deflate-raw'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** Every entry, in central-directory order; throws on anything malformed (bad signature, size or CRC). */
export async function readZip(bytes: Uint8Array): Promise<ZipFile[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = bytes.length - 22
  if (view.getUint32(end, true) !== 0x06054b50) throw new Error('no end of central directory record')
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  const files: ZipFile[] = []
  const decoder = new TextDecoder()
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`bad central header ${i}`)
    const method = view.getUint16(at + 10, true)
    const crc = view.getUint32(at + 16, true)
    const compressed = view.getUint32(at + 20, true)
    const size = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const extra = view.getUint16(at + 30, true)
    const comment = view.getUint16(at + 32, true)
    const offset = view.getUint32(at + 42, true)
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    if (view.getUint32(offset, true) !== 0x04034b50) throw new Error(`bad local header for ${name}`)
    const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true)
    const stored = bytes.subarray(start, start + compressed)
    const data = method === 0 ? stored : await inflateRaw(stored)
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, header says ${size}`)
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`)
    files.push({ name, method, data })
    at += 46 + nameLength + extra + comment
  }
  return files
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

export interface SheetCell {
  ref: string
  /** Number for numeric cells, string for inline or shared strings. */
  value: number | string
  style: number
}

/** The cells of a worksheet, row by row (rows as arrays in column order; missing cells are absent). */
export function readSheetCells(xml: string): SheetCell[][] {
  const rows: SheetCell[][] = []
  for (const row of xml.matchAll(/<row [^>]*>(.*?)<\/row>/gs)) {
    const cells: SheetCell[] = []
    for (const c of (row[1] ?? '').matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/gs)) {
      const attrs = c[2] ?? ''
      const style = Number(/ s="(\d+)"/.exec(attrs)?.[1] ?? 0)
      const body = c[3] ?? ''
      const text = /<t[^>]*>(.*?)<\/t>/s.exec(body)?.[1]
      const numeric = /<v>(.*?)<\/v>/s.exec(body)?.[1]
      const value = / t="inlineStr"/.test(attrs) ? unescape(text ?? '') : Number(numeric)
      cells.push({ ref: c[1] ?? '', value, style })
    }
    rows.push(cells)
  }
  return rows
}
