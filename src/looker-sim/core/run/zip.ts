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

interface EntryFields {
  method: number
  crc: number
  compressed: number
  size: number
}

/** The run of fields local and central headers share (version needed … name length), from `at`. */
function writeEntryFields(
  view: DataView,
  at: number,
  fields: EntryFields,
  time: number,
  date: number,
  nameLength: number,
): void {
  view.setUint16(at, VERSION, true)
  view.setUint16(at + 2, UTF8_NAMES, true)
  view.setUint16(at + 4, fields.method, true)
  view.setUint16(at + 6, time, true)
  view.setUint16(at + 8, date, true)
  view.setUint32(at + 10, fields.crc, true)
  view.setUint32(at + 14, fields.compressed, true)
  view.setUint32(at + 18, fields.size, true)
  view.setUint16(at + 22, nameLength, true)
  // The extra field length that follows stays zero.
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
    const fields: EntryFields = {
      method: useDeflate ? DEFLATED : STORED,
      crc: crc32(entry.data),
      compressed: body.length,
      size: entry.data.length,
    }

    const local = new Uint8Array(30 + name.length)
    const lv = new DataView(local.buffer)
    lv.setUint32(0, 0x04034b50, true)
    writeEntryFields(lv, 4, fields, time, date, name.length)
    local.set(name, 30)
    locals.push(local, body)

    const central = new Uint8Array(46 + name.length)
    const cv = new DataView(central.buffer)
    cv.setUint32(0, 0x02014b50, true)
    cv.setUint16(4, VERSION, true) // made by: MS-DOS/FAT attributes, spec 2.0
    writeEntryFields(cv, 6, fields, time, date, name.length)
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
