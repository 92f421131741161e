import { zlibInflate } from '../zlib.ts'

/** An sfnt's tables by tag ("glyf", "cmap" …), uncompressed. */
export type FontTables = Map<string, Uint8Array>

const tag = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4))

/**
 * Unpacks a WOFF 1.0 font (each table zlib-compressed on its own, W3C WOFF §5) or a bare TrueType/OpenType
 * file into its tables. Inflating uses the platform's DecompressionStream (browsers, Node ≥ 18).
 */
export async function readFontTables(bytes: Uint8Array): Promise<FontTables> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tables: FontTables = new Map()
  if (tag(bytes, 0) === 'wOFF') {
    const count = view.getUint16(12)
    const pending: Promise<void>[] = []
    for (let i = 0; i < count; i++) {
      const entry = 44 + i * 20
      const offset = view.getUint32(entry + 4)
      const compressed = view.getUint32(entry + 8)
      const original = view.getUint32(entry + 12)
      const data = bytes.subarray(offset, offset + compressed)
      const name = tag(bytes, entry)
      if (compressed === original) tables.set(name, data)
      else pending.push(zlibInflate(data).then((raw) => void tables.set(name, raw)))
    }
    await Promise.all(pending)
    return tables
  }
  const count = view.getUint16(4)
  for (let i = 0; i < count; i++) {
    const entry = 12 + i * 16
    const offset = view.getUint32(entry + 8)
    tables.set(tag(bytes, entry), bytes.subarray(offset, offset + view.getUint32(entry + 12)))
  }
  return tables
}
