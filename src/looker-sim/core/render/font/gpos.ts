/**
 * Pair kerning from an OpenType GPOS table: the lookups of every 'kern' feature, in LookupList order,
 * PairPos formats 1 (glyph pairs) and 2 (class pairs), also behind Extension lookups (type 9), as
 * modern fonts such as Inter store their kerning. Only the first glyph's XAdvance is used (horizontal
 * text). Values are cached per pair.
 */
export class GposKerning {
  private readonly data: DataView
  private readonly subtables: number[] = []
  private readonly cache = new Map<number, number>()

  constructor(gpos: Uint8Array) {
    this.data = new DataView(gpos.buffer, gpos.byteOffset, gpos.byteLength)
    const d = this.data
    const features = d.getUint16(6)
    const lookups = d.getUint16(8)
    const indices = new Set<number>()
    for (let i = 0, n = d.getUint16(features); i < n; i++) {
      const record = features + 2 + i * 6
      const tag = String.fromCharCode(
        d.getUint8(record),
        d.getUint8(record + 1),
        d.getUint8(record + 2),
        d.getUint8(record + 3),
      )
      if (tag !== 'kern') continue
      const feature = features + d.getUint16(record + 4)
      for (let k = 0, m = d.getUint16(feature + 2); k < m; k++) indices.add(d.getUint16(feature + 4 + k * 2))
    }
    for (const index of [...indices].sort((a, b) => a - b)) {
      const lookup = lookups + d.getUint16(lookups + 2 + index * 2)
      const type = d.getUint16(lookup)
      const start = this.subtables.length
      for (let s = 0, n = d.getUint16(lookup + 4); s < n; s++) {
        let subtable = lookup + d.getUint16(lookup + 6 + s * 2)
        let subtype = type
        if (type === 9) {
          subtype = d.getUint16(subtable + 2)
          subtable += d.getUint32(subtable + 4)
        }
        if (subtype === 2) this.subtables.push(subtable)
      }
      // A lookup boundary: -1 separates lookups, whose adjustments add up.
      if (this.subtables.length > start) this.subtables.push(-1)
    }
  }

  value(left: number, right: number): number {
    const key = left * 65536 + right
    let cached = this.cache.get(key)
    if (cached === undefined) this.cache.set(key, (cached = this.compute(left, right)))
    return cached
  }

  private compute(left: number, right: number): number {
    let total = 0
    let applied = false
    for (const subtable of this.subtables) {
      if (subtable === -1) {
        applied = false
        continue
      }
      if (applied) continue
      const adjustment = this.pair(subtable, left, right)
      if (adjustment !== null) {
        total += adjustment
        applied = true
      }
    }
    return total
  }

  /** The XAdvance a PairPos subtable gives the pair, or null when the subtable does not apply. */
  private pair(subtable: number, left: number, right: number): number | null {
    const d = this.data
    const coverage = coverageIndex(d, subtable + d.getUint16(subtable + 2), left)
    if (coverage < 0) return null
    const format1 = d.getUint16(subtable + 4)
    const format2 = d.getUint16(subtable + 6)
    const size1 = valueSize(format1)
    const size2 = valueSize(format2)
    const advance = (record: number) =>
      format1 & 0x0004 ? d.getInt16(record + valueSize(format1 & 0x0003)) : 0
    if (d.getUint16(subtable) === 1) {
      const set = subtable + d.getUint16(subtable + 10 + coverage * 2)
      const stride = 2 + size1 + size2
      for (let lo = 0, hi = d.getUint16(set) - 1; lo <= hi;) {
        const mid = (lo + hi) >> 1
        const record = set + 2 + mid * stride
        const second = d.getUint16(record)
        if (second === right) return advance(record + 2)
        if (second < right) lo = mid + 1
        else hi = mid - 1
      }
      return null
    }
    const class1 = classOf(d, subtable + d.getUint16(subtable + 8), left)
    const class2 = classOf(d, subtable + d.getUint16(subtable + 10), right)
    const class2Count = d.getUint16(subtable + 14)
    if (class1 >= d.getUint16(subtable + 12) || class2 >= class2Count) return 0
    return advance(subtable + 16 + (class1 * class2Count + class2) * (size1 + size2))
  }
}

function valueSize(format: number): number {
  let bits = 0
  for (let f = format & 0xff; f; f &= f - 1) bits++
  return bits * 2
}

function coverageIndex(d: DataView, table: number, glyph: number): number {
  const count = d.getUint16(table + 2)
  if (d.getUint16(table) === 1) {
    for (let lo = 0, hi = count - 1; lo <= hi;) {
      const mid = (lo + hi) >> 1
      const value = d.getUint16(table + 4 + mid * 2)
      if (value === glyph) return mid
      if (value < glyph) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }
  for (let lo = 0, hi = count - 1; lo <= hi;) {
    const mid = (lo + hi) >> 1
    const record = table + 4 + mid * 6
    if (glyph < d.getUint16(record)) hi = mid - 1
    else if (glyph > d.getUint16(record + 2)) lo = mid + 1
    else return d.getUint16(record + 4) + glyph - d.getUint16(record)
  }
  return -1
}

function classOf(d: DataView, table: number, glyph: number): number {
  if (d.getUint16(table) === 1) {
    const start = d.getUint16(table + 2)
    const count = d.getUint16(table + 4)
    return glyph >= start && glyph < start + count ? d.getUint16(table + 6 + (glyph - start) * 2) : 0
  }
  for (let lo = 0, hi = d.getUint16(table + 2) - 1; lo <= hi;) {
    const mid = (lo + hi) >> 1
    const record = table + 4 + mid * 6
    if (glyph < d.getUint16(record)) hi = mid - 1
    else if (glyph > d.getUint16(record + 2)) lo = mid + 1
    else return d.getUint16(record + 4)
  }
  return 0
}
