/**
 * zlib-wrapped deflate (RFC 1950), the format PNG's IDAT expects. Uses the platform's
 * `CompressionStream('deflate')` (browsers, Node ≥ 18) and falls back to uncompressed "stored" blocks
 * where it is missing, so encoding never fails — it only gets bigger.
 */
export async function zlibDeflate(data: Uint8Array): Promise<Uint8Array> {
  if (typeof CompressionStream === 'undefined') return zlibStored(data)
  return compress(data, 'deflate')
}

/**
 * Raw deflate (RFC 1951, no zlib header), as ZIP entries hold it; null where the platform has no
 * `CompressionStream`, so the caller can store the bytes instead.
 */
export async function rawDeflate(data: Uint8Array): Promise<Uint8Array | null> {
  if (typeof CompressionStream === 'undefined') return null
  return compress(data, 'deflate-raw')
}

async function compress(data: Uint8Array, format: CompressionFormat): Promise<Uint8Array> {
  return pipeBytes(data, new CompressionStream(format))
}

/** Inflates zlib-wrapped deflate data (what WOFF tables and PNG IDAT hold) with the platform's stream. */
export function zlibInflate(data: Uint8Array): Promise<Uint8Array> {
  return pipeBytes(data, new DecompressionStream('deflate'))
}

async function pipeBytes(
  data: Uint8Array,
  transform: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  // jsdom's Blob has no .stream(), so feed the bytes through a hand-made ReadableStream instead.
  const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(new Uint8Array(data))
      controller.close()
    },
  })
  const reader = source.pipeThrough(transform).getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    total += value.length
  }
  return concatBytes(chunks, total)
}

/** Deflate with stored (uncompressed) blocks only: valid, dependency-free, synchronous. */
export function zlibStored(data: Uint8Array): Uint8Array {
  const blockSize = 65535
  const blocks = Math.max(1, Math.ceil(data.length / blockSize))
  const out = new Uint8Array(2 + blocks * 5 + data.length + 4)
  out[0] = 0x78 // CMF: deflate, 32K window
  out[1] = 0x01 // FLG: no dictionary, fastest; (0x78 << 8 | 0x01) % 31 === 0
  let pos = 2
  for (let i = 0; i < blocks; i++) {
    const start = i * blockSize
    const length = Math.min(blockSize, data.length - start)
    out[pos++] = i === blocks - 1 ? 1 : 0
    out[pos++] = length & 255
    out[pos++] = length >> 8
    out[pos++] = ~length & 255
    out[pos++] = (~length >> 8) & 255
    out.set(data.subarray(start, start + length), pos)
    pos += length
  }
  const adler = adler32(data)
  new DataView(out.buffer).setUint32(pos, adler)
  return out
}

export function adler32(data: Uint8Array): number {
  let a = 1
  let b = 0
  // 5552 is the largest run before the sums can overflow 32 bits (zlib's NMAX).
  for (let start = 0; start < data.length; start += 5552) {
    const end = Math.min(data.length, start + 5552)
    for (let i = start; i < end; i++) {
      a += data[i] ?? 0
      b += a
    }
    a %= 65521
    b %= 65521
  }
  return ((b << 16) | a) >>> 0
}

export function concatBytes(chunks: readonly Uint8Array[], total?: number): Uint8Array {
  const out = new Uint8Array(total ?? chunks.reduce((sum, c) => sum + c.length, 0))
  let pos = 0
  for (const chunk of chunks) {
    out.set(chunk, pos)
    pos += chunk.length
  }
  return out
}
