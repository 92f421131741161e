import { crc32 } from '../render/png'
import { concatBytes, rawDeflate } from '../render/zlib'

export interface ZipEntry {
  name: string
  data: Uint8Array
}

const STORED = 0
const DEFLATED = 8
/** General purpose flag bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800
const VERSION = 20

/** MS-DOS date and time fields (local time in the format; UTC here, so files are the same everywhere). */
function dosDateTime(ms: number): { date: number; time: number } {
  const d = new Date(ms)
  const year = Math.max(1980, d.getUTCFullYear())
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  }
}

/**
 * A ZIP archive (PKWARE APPNOTE 6.3, no ZIP64: entries stay far below 4 GB), as OOXML packages need.
 * Each entry is deflated when the platform can and that makes it smaller, and stored otherwise; both
 * are valid for every reader.
 */
export async function buildZip(entries: readonly ZipEntry[], modifiedAt: number): Promise<Uint8Array> {
  const { date, time } = dosDateTime(modifiedAt)
  const encoder = new TextEncoder()
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const entry of entries) {
    const name = encoder.encode(entry.name)
    const deflated = await rawDeflate(entry.data)
    const useDeflate = deflated !== null && deflated.length < entry.data.length
    const body = useDeflate ? deflated : entry.data
    const fields = {
      method: useDeflate ? DEFLATED : STORED,
      crc: crc32(entry.data),
      compressed: body.length,
      size: entry.data.length,
    }

    const local = new Uint8Array(30 + name.length)
    const lv = new DataView(local.buffer)
    lv.setUint32(0, 0x04034b50, true)
    lv.setUint16(4, VERSION, true)
    lv.setUint16(6, UTF8_NAMES, true)
    lv.setUint16(8, fields.method, true)
    lv.setUint16(10, time, true)
    lv.setUint16(12, date, true)
    lv.setUint32(14, fields.crc, true)
    lv.setUint32(18, fields.compressed, true)
    lv.setUint32(22, fields.size, true)
    lv.setUint16(26, name.length, true)
    lv.setUint16(28, 0, true)
    local.set(name, 30)
    locals.push(local, body)

    const central = new Uint8Array(46 + name.length)
    const cv = new DataView(central.buffer)
    cv.setUint32(0, 0x02014b50, true)
    cv.setUint16(4, VERSION, true) // made by: MS-DOS/FAT attributes, spec 2.0
    cv.setUint16(6, VERSION, true)
    cv.setUint16(8, UTF8_NAMES, true)
    cv.setUint16(10, fields.method, true)
    cv.setUint16(12, time, true)
    cv.setUint16(14, date, true)
    cv.setUint32(16, fields.crc, true)
    cv.setUint32(20, fields.compressed, true)
    cv.setUint32(24, fields.size, true)
    cv.setUint16(28, name.length, true)
    // Extra field, comment, disk number, internal and external attributes: all zero.
    cv.setUint32(42, offset, true)
    central.set(name, 46)
    centrals.push(central)
    offset += local.length + body.length
  }
  const directory = concatBytes(centrals)
  const end = new Uint8Array(22)
  const ev = new DataView(end.buffer)
  ev.setUint32(0, 0x06054b50, true)
  ev.setUint16(8, entries.length, true)
  ev.setUint16(10, entries.length, true)
  ev.setUint32(12, directory.length, true)
  ev.setUint32(16, offset, true)
  return concatBytes([...locals, directory, end])
}
