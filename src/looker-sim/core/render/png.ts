import type { Raster } from './raster.ts'
import { concatBytes, zlibDeflate, zlibStored } from './zlib.ts'

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff
  for (let i = start; i < end; i++) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 255] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length))
  return out
}

/**
 * Filters every scanline of an opaque RGBA raster into 8-bit RGB PNG rows. Each row gets the filter
 * (None, Sub or Up) with the smallest sum of absolute residuals — the standard heuristic; charts are
 * mostly flat colour, so Sub/Up turn whole rows into zeros and deflate shrinks them to almost nothing.
 */
export function filterScanlines(raster: Raster): Uint8Array {
  const { width, height, data } = raster
  const stride = width * 3
  const out = new Uint8Array((stride + 1) * height)
  const rgb = new Uint8Array(stride)
  const previous = new Uint8Array(stride)
  const sub = new Uint8Array(stride)
  const up = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    for (let x = 0, s = y * width * 4, d = 0; x < width; x++, s += 4, d += 3) {
      rgb[d] = data[s] ?? 0
      rgb[d + 1] = data[s + 1] ?? 0
      rgb[d + 2] = data[s + 2] ?? 0
    }
    let costNone = 0
    let costSub = 0
    let costUp = 0
    for (let i = 0; i < stride; i++) {
      const value = rgb[i] ?? 0
      const s = (value - (i >= 3 ? (rgb[i - 3] ?? 0) : 0)) & 255
      const u = (value - (previous[i] ?? 0)) & 255
      sub[i] = s
      up[i] = u
      // Residuals are signed: 255 means -1, so cost is the distance from zero either way.
      costNone += value < 128 ? value : 256 - value
      costSub += s < 128 ? s : 256 - s
      costUp += u < 128 ? u : 256 - u
    }
    const row = y * (stride + 1)
    if (costUp <= costSub && costUp <= costNone) {
      out[row] = 2
      out.set(up, row + 1)
    } else if (costSub <= costNone) {
      out[row] = 1
      out.set(sub, row + 1)
    } else {
      out[row] = 0
      out.set(rgb, row + 1)
    }
    previous.set(rgb)
  }
  return out
}

export interface PngOptions {
  /** 'stored' skips compression (much bigger files, no CompressionStream needed); default deflates. */
  compression?: 'deflate' | 'stored'
}

/** Encodes an opaque raster as an 8-bit truecolour PNG. */
export async function encodePng(raster: Raster, options: PngOptions = {}): Promise<Uint8Array> {
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, raster.width)
  view.setUint32(4, raster.height)
  header[8] = 8 // bit depth
  header[9] = 2 // colour type: truecolour (RGB)
  // bytes 10–12: deflate compression, adaptive filtering, no interlace — all zero.
  const filtered = filterScanlines(raster)
  const compressed = options.compression === 'stored' ? zlibStored(filtered) : await zlibDeflate(filtered)
  return concatBytes([
    new Uint8Array(SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', compressed),
    chunk('IEND', new Uint8Array(0)),
  ])
}
