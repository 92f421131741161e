import { GposKerning } from './gpos.ts'
import type { FontTables } from './woff.ts'

/** A TrueType outline point in font units (y up); `on` is false for quadratic control points. */
export interface OutlinePoint {
  x: number
  y: number
  on: boolean
}

export type Contour = OutlinePoint[]

/**
 * A TrueType font read from its tables: character map (formats 4 and 12), advances (hmtx), glyph outlines
 * (glyf/loca, simple and composite glyphs) and pair kerning (GPOS, see gpos.ts). Only what drawing
 * Latin text needs; no hinting, no shaping beyond kerning. Glyphs are decoded on first use and kept.
 */
export class OutlineFont {
  readonly unitsPerEm: number
  readonly ascender: number
  readonly descender: number
  /** Height of capital letters (OS/2 sCapHeight), in font units. */
  readonly capHeight: number
  private readonly glyphCount: number
  private readonly longLoca: boolean
  private readonly hMetricCount: number
  private readonly outlines = new Map<number, Contour[]>()
  private readonly charToGlyph: (code: number) => number
  private readonly kern: GposKerning | null

  constructor(private readonly tables: FontTables) {
    const head = view(required(tables, 'head'))
    const hhea = view(required(tables, 'hhea'))
    this.unitsPerEm = head.getUint16(18)
    this.longLoca = head.getInt16(50) === 1
    this.ascender = hhea.getInt16(4)
    this.descender = hhea.getInt16(6)
    this.hMetricCount = hhea.getUint16(34)
    this.glyphCount = view(required(tables, 'maxp')).getUint16(4)
    const os2 = tables.get('OS/2')
    const os2View = os2 ? view(os2) : null
    this.capHeight =
      os2View && os2View.getUint16(0) >= 2 ? os2View.getInt16(88) : Math.round(this.ascender * 0.7)
    this.charToGlyph = readCmap(required(tables, 'cmap'))
    const gpos = tables.get('GPOS')
    this.kern = gpos ? new GposKerning(gpos) : null
  }

  /** The glyph for a code point; 0 (.notdef) when the font has none. */
  glyphId(codePoint: number): number {
    return this.charToGlyph(codePoint)
  }

  advance(glyph: number): number {
    const hmtx = view(required(this.tables, 'hmtx'))
    const index = Math.min(glyph, this.hMetricCount - 1)
    return hmtx.getUint16(index * 4)
  }

  /** Horizontal adjustment between two glyphs (negative brings them closer), in font units. */
  kerning(left: number, right: number): number {
    return this.kern?.value(left, right) ?? 0
  }

  outline(glyph: number): Contour[] {
    let contours = this.outlines.get(glyph)
    if (!contours) this.outlines.set(glyph, (contours = this.readGlyph(glyph, 0)))
    return contours
  }

  private glyphData(glyph: number): DataView | null {
    if (glyph < 0 || glyph >= this.glyphCount) return null
    const loca = view(required(this.tables, 'loca'))
    const at = (i: number) => (this.longLoca ? loca.getUint32(i * 4) : loca.getUint16(i * 2) * 2)
    const start = at(glyph)
    const end = at(glyph + 1)
    if (end <= start) return null
    const glyf = required(this.tables, 'glyf')
    return new DataView(glyf.buffer, glyf.byteOffset + start, end - start)
  }

  private readGlyph(glyph: number, depth: number): Contour[] {
    const data = this.glyphData(glyph)
    if (!data) return []
    const contourCount = data.getInt16(0)
    return contourCount >= 0 ? readSimpleGlyph(data, contourCount) : this.readCompositeGlyph(data, depth)
  }

  /** A composite glyph (é = e + ´): its components' outlines, each moved and transformed. */
  private readCompositeGlyph(data: DataView, depth: number): Contour[] {
    if (depth > 8) return []
    const contours: Contour[] = []
    let pos = 10
    for (let more = true; more;) {
      const flags = data.getUint16(pos)
      const component = data.getUint16(pos + 2)
      pos += 4
      const words = (flags & 0x0001) !== 0
      const xy = (flags & 0x0002) !== 0
      const dx = words ? data.getInt16(pos) : data.getInt8(pos)
      const dy = words ? data.getInt16(pos + 2) : data.getInt8(pos + 1)
      pos += words ? 4 : 2
      let [a, b, c, d] = [1, 0, 0, 1]
      const f2dot14 = (at: number) => data.getInt16(at) / 16384
      if (flags & 0x0008) {
        a = d = f2dot14(pos)
        pos += 2
      } else if (flags & 0x0040) {
        a = f2dot14(pos)
        d = f2dot14(pos + 2)
        pos += 4
      } else if (flags & 0x0080) {
        ;[a, b, c, d] = [f2dot14(pos), f2dot14(pos + 2), f2dot14(pos + 4), f2dot14(pos + 6)]
        pos += 8
      }
      // Point-matched placement (args are point numbers) is not used by Latin fonts; treat as no offset.
      const [ox, oy] = xy ? [dx, dy] : [0, 0]
      for (const contour of this.readGlyph(component, depth + 1)) {
        contours.push(
          contour.map((p) => ({ x: a * p.x + c * p.y + ox, y: b * p.x + d * p.y + oy, on: p.on })),
        )
      }
      more = (flags & 0x0020) !== 0
    }
    return contours
  }
}

function readSimpleGlyph(data: DataView, contourCount: number): Contour[] {
  const ends: number[] = []
  for (let i = 0; i < contourCount; i++) ends.push(data.getUint16(10 + i * 2))
  const pointCount = contourCount === 0 ? 0 : (ends[contourCount - 1] as number) + 1
  let pos = 10 + contourCount * 2
  pos += 2 + data.getUint16(pos) // instructions, which we do not run
  const flags = new Uint8Array(pointCount)
  for (let i = 0; i < pointCount;) {
    const flag = data.getUint8(pos++)
    flags[i++] = flag
    if (flag & 0x08) for (let repeat = data.getUint8(pos++); repeat > 0; repeat--) flags[i++] = flag
  }
  const coordinates = (short: number, same: number) => {
    const values = new Int32Array(pointCount)
    let value = 0
    for (let i = 0; i < pointCount; i++) {
      const flag = flags[i] as number
      if (flag & short) {
        const delta = data.getUint8(pos++)
        value += flag & same ? delta : -delta
      } else if (!(flag & same)) {
        value += data.getInt16(pos)
        pos += 2
      }
      values[i] = value
    }
    return values
  }
  const xs = coordinates(0x02, 0x10)
  const ys = coordinates(0x04, 0x20)
  const contours: Contour[] = []
  let start = 0
  for (const end of ends) {
    const contour: Contour = []
    for (let i = start; i <= end; i++) {
      contour.push({ x: xs[i] as number, y: ys[i] as number, on: ((flags[i] as number) & 0x01) !== 0 })
    }
    contours.push(contour)
    start = end + 1
  }
  return contours
}

/** The best Unicode subtable of `cmap`: format 12 (full Unicode) or format 4 (BMP). */
function readCmap(cmap: Uint8Array): (code: number) => number {
  const data = view(cmap)
  const count = data.getUint16(2)
  let best: { offset: number; format: number; rank: number } | null = null
  for (let i = 0; i < count; i++) {
    const platform = data.getUint16(4 + i * 8)
    const encoding = data.getUint16(6 + i * 8)
    const offset = data.getUint32(8 + i * 8)
    const format = data.getUint16(offset)
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))
    if (!unicode || (format !== 4 && format !== 12)) continue
    const rank = format === 12 ? 2 : 1
    if (!best || rank > best.rank) best = { offset, format, rank }
  }
  if (!best) return () => 0
  const base = best.offset
  if (best.format === 12) {
    const groups = data.getUint32(base + 12)
    return (code) => {
      for (let lo = 0, hi = groups - 1; lo <= hi;) {
        const mid = (lo + hi) >> 1
        const at = base + 16 + mid * 12
        if (code < data.getUint32(at)) hi = mid - 1
        else if (code > data.getUint32(at + 4)) lo = mid + 1
        else return data.getUint32(at + 8) + code - data.getUint32(at)
      }
      return 0
    }
  }
  const segments = data.getUint16(base + 6) / 2
  const ends = base + 14
  const starts = ends + segments * 2 + 2
  const deltas = starts + segments * 2
  const rangeOffsets = deltas + segments * 2
  return (code) => {
    if (code > 0xffff) return 0
    let lo = 0
    let hi = segments - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (data.getUint16(ends + mid * 2) < code) lo = mid + 1
      else hi = mid
    }
    const start = data.getUint16(starts + lo * 2)
    if (code < start || code > data.getUint16(ends + lo * 2)) return 0
    const delta = data.getInt16(deltas + lo * 2)
    const rangeOffset = data.getUint16(rangeOffsets + lo * 2)
    if (rangeOffset === 0) return (code + delta) & 0xffff
    const glyph = data.getUint16(rangeOffsets + lo * 2 + rangeOffset + (code - start) * 2)
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff
  }
}

function required(tables: FontTables, name: string): Uint8Array {
  const table = tables.get(name)
  if (!table) throw new Error(`font has no ${name} table`)
  return table
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
