/** Decoders used by the renderer's tests to check that the bytes are real images and documents. */
import { crc32 } from './png.ts'
import { concatBytes, zlibInflate } from './zlib.ts'

export interface PngChunk {
  type: string
  data: Uint8Array
  crcOk: boolean
}

export function pngChunks(bytes: Uint8Array): PngChunk[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const chunks: PngChunk[] = []
  for (let pos = 8; pos + 12 <= bytes.length;) {
    const length = view.getUint32(pos)
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8))
    const data = bytes.subarray(pos + 8, pos + 8 + length)
    const crcOk = view.getUint32(pos + 8 + length) === crc32(bytes, pos + 4, pos + 8 + length)
    chunks.push({ type, data, crcOk })
    pos += 12 + length
  }
  return chunks
}

/** A minimal decoder for 8-bit RGB, non-interlaced PNGs (what encodePng writes), all five filters. */
export async function decodePng(bytes: Uint8Array) {
  const chunks = pngChunks(bytes)
  const header = chunks.find((c) => c.type === 'IHDR')
  if (!header) throw new Error('no IHDR')
  const info = new DataView(header.data.buffer, header.data.byteOffset)
  const width = info.getUint32(0)
  const height = info.getUint32(4)
  const raw = await zlibInflate(concatBytes(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)))
  const stride = width * 3
  const pixels = new Uint8Array(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0
    for (let i = 0; i < stride; i++) {
      const left = i >= 3 ? (pixels[y * stride + i - 3] ?? 0) : 0
      const up = y > 0 ? (pixels[(y - 1) * stride + i] ?? 0) : 0
      const corner = i >= 3 && y > 0 ? (pixels[(y - 1) * stride + i - 3] ?? 0) : 0
      const p = left + up - corner
      const paeth =
        Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - corner)
          ? left
          : Math.abs(p - up) <= Math.abs(p - corner)
            ? up
            : corner
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter] ?? 0
      pixels[y * stride + i] = ((raw[y * (stride + 1) + 1 + i] ?? 0) + predictor) & 255
    }
  }
  const pixel = (x: number, y: number) => {
    const i = (y * width + x) * 3
    return ((pixels[i] ?? 0) << 16) | ((pixels[i + 1] ?? 0) << 8) | (pixels[i + 2] ?? 0)
  }
  return { width, height, pixels, pixel }
}

export interface JpegSegment {
  marker: number
  offset: number
  data: Uint8Array
}

/** Walks JPEG marker segments up to SOS (the entropy-coded data follows it). */
export function jpegSegments(bytes: Uint8Array): JpegSegment[] {
  const segments: JpegSegment[] = []
  let pos = 2
  while (pos + 4 <= bytes.length && bytes[pos] === 0xff) {
    const marker = bytes[pos + 1] ?? 0
    const length = ((bytes[pos + 2] ?? 0) << 8) | (bytes[pos + 3] ?? 0)
    segments.push({ marker, offset: pos, data: bytes.subarray(pos + 4, pos + 2 + length) })
    if (marker === 0xda) break
    pos += 2 + length
  }
  return segments
}

export function latin1(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192))
  return text
}

/** Byte-for-byte equality; far faster than a deep-equal matcher on large arrays. */
export function sameBytes(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
