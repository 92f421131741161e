import {
  AC_CHROMA,
  AC_LUMA,
  CHROMA_QUANT,
  DC_CHROMA,
  DC_LUMA,
  LUMA_QUANT,
  ZIGZAG,
  type HuffmanSpec,
} from './jpeg-tables.ts'
import { BitWriter, buildCodes, type HuffmanCodes } from './jpeg-huffman.ts'
import type { Raster } from './raster.ts'

export interface JpegOptions {
  /** 1..100, as in libjpeg; default 90 because charts are thin lines and small text. */
  quality?: number
  /** '444' keeps colour at full resolution (crisper coloured text); '420' is smaller. Default '444'. */
  subsampling?: '444' | '420'
}

/** AAN DCT output scale factors (see libjpeg jfdctflt.c); folded into the quantisation divisors. */
const AAN_SCALE = [1, 1.387039845, 1.306562965, 1.175875602, 1, 0.785694958, 0.5411961, 0.275899379]

function scaledQuant(base: readonly number[], quality: number): Uint8Array {
  const q = Math.min(100, Math.max(1, Math.round(quality)))
  const factor = q < 50 ? 5000 / q : 200 - q * 2
  return Uint8Array.from(base, (v) => Math.min(255, Math.max(1, Math.floor((v * factor + 50) / 100))))
}

/** Per-coefficient multipliers (zig-zag order) that turn raw AAN output into quantised values. */
function divisors(quant: Uint8Array): Float64Array {
  const out = new Float64Array(64)
  ZIGZAG.forEach((i, k) => {
    out[k] = 1 / ((quant[i] ?? 1) * (AAN_SCALE[i >> 3] ?? 1) * (AAN_SCALE[i & 7] ?? 1) * 8)
  })
  return out
}

/** In-place 2-D forward DCT (Arai–Agui–Nakajima), rows then columns; outputs are AAN-scaled. */
function forwardDct(d: Float64Array): void {
  for (let pass = 0; pass < 2; pass++) {
    // Pass 0 transforms rows (elements 1 apart), pass 1 columns (elements 8 apart).
    const step = pass === 0 ? 1 : 8
    const next = pass === 0 ? 8 : 1
    for (let line = 0, o = 0; line < 8; line++, o += next) {
      const d0 = d[o] ?? 0
      const d1 = d[o + step] ?? 0
      const d2 = d[o + 2 * step] ?? 0
      const d3 = d[o + 3 * step] ?? 0
      const d4 = d[o + 4 * step] ?? 0
      const d5 = d[o + 5 * step] ?? 0
      const d6 = d[o + 6 * step] ?? 0
      const d7 = d[o + 7 * step] ?? 0
      const t0 = d0 + d7
      const t7 = d0 - d7
      const t1 = d1 + d6
      const t6 = d1 - d6
      const t2 = d2 + d5
      const t5 = d2 - d5
      const t3 = d3 + d4
      const t4 = d3 - d4
      const t10 = t0 + t3
      const t13 = t0 - t3
      const t11 = t1 + t2
      const t12 = t1 - t2
      d[o] = t10 + t11
      d[o + 4 * step] = t10 - t11
      const z1 = (t12 + t13) * 0.707106781
      d[o + 2 * step] = t13 + z1
      d[o + 6 * step] = t13 - z1
      const s10 = t4 + t5
      const s11 = t5 + t6
      const s12 = t6 + t7
      const z5 = (s10 - s12) * 0.382683433
      const z2 = 0.5411961 * s10 + z5
      const z4 = 1.306562965 * s12 + z5
      const z3 = s11 * 0.707106781
      const z11 = t7 + z3
      const z13 = t7 - z3
      d[o + 5 * step] = z13 + z2
      d[o + 3 * step] = z13 - z2
      d[o + step] = z11 + z4
      d[o + 7 * step] = z11 - z4
    }
  }
}

interface Component {
  /** Quantisation multipliers in zig-zag order. */
  divisors: Float64Array
  dc: HuffmanCodes
  ac: HuffmanCodes
  predictor: number
}

const NATURAL_ORDER = Uint8Array.from(ZIGZAG)
/** Scratch space for one block's quantised coefficients, reused to spare the garbage collector. */
const coefficients = new Int32Array(64)

/** Huffman-codes `symbol` followed by the `size` low bits of `value` (JPEG's one's-complement form). */
function writeCoded(
  writer: BitWriter,
  table: HuffmanCodes,
  symbol: number,
  value: number,
  size: number,
): void {
  writer.write(table.code[symbol] ?? 0, table.length[symbol] ?? 0)
  if (size > 0) writer.write(value < 0 ? value + (1 << size) - 1 : value, size)
}

function bitLength(value: number): number {
  return 32 - Math.clz32(value < 0 ? -value : value)
}

function encodeBlock(block: Float64Array, component: Component, writer: BitWriter): void {
  forwardDct(block)
  const divisors = component.divisors
  let last = 0
  for (let k = 0; k < 64; k++) {
    let value = Math.round((block[NATURAL_ORDER[k] ?? 0] ?? 0) * (divisors[k] ?? 0))
    // Baseline AC codes stop at 10 bits; only quality-100 extremes could exceed it.
    if (k > 0) value = value > 1023 ? 1023 : value < -1023 ? -1023 : value
    coefficients[k] = value
    if (value !== 0) last = k
  }
  const dc = coefficients[0] ?? 0
  const diff = dc - component.predictor
  component.predictor = dc
  writeCoded(writer, component.dc, bitLength(diff), diff, bitLength(diff))
  let run = 0
  for (let k = 1; k <= last; k++) {
    const value = coefficients[k] ?? 0
    if (value === 0) {
      run++
      continue
    }
    for (; run >= 16; run -= 16) writer.write(component.ac.code[0xf0] ?? 0, component.ac.length[0xf0] ?? 0)
    const size = bitLength(value)
    writeCoded(writer, component.ac, (run << 4) | size, value, size)
    run = 0
  }
  if (last < 63) writer.write(component.ac.code[0] ?? 0, component.ac.length[0] ?? 0)
}

function segment(marker: number, body: readonly number[] | Uint8Array): number[] {
  const length = body.length + 2
  return [0xff, marker, length >> 8, length & 255, ...body]
}

function huffmanSegment(): number[] {
  const body: number[] = []
  const tables: [number, HuffmanSpec][] = [
    [0x00, DC_LUMA],
    [0x10, AC_LUMA],
    [0x01, DC_CHROMA],
    [0x11, AC_CHROMA],
  ]
  for (const [id, spec] of tables) body.push(id, ...spec.counts, ...spec.symbols)
  return segment(0xc4, body)
}

/** Encodes an opaque raster as a baseline (SOF0) JFIF JPEG with the standard Huffman tables. */
export function encodeJpeg(raster: Raster, options: JpegOptions = {}): Uint8Array {
  const { width, height, data } = raster
  const quality = options.quality ?? 90
  const subsample = options.subsampling === '420'
  const lumaQuant = scaledQuant(LUMA_QUANT, quality)
  const chromaQuant = scaledQuant(CHROMA_QUANT, quality)
  const luma: Component = {
    divisors: divisors(lumaQuant),
    dc: buildCodes(DC_LUMA),
    ac: buildCodes(AC_LUMA),
    predictor: 0,
  }
  const chromaDc = buildCodes(DC_CHROMA)
  const chromaAc = buildCodes(AC_CHROMA)
  const chromaDivisors = divisors(chromaQuant)
  const cb: Component = { divisors: chromaDivisors, dc: chromaDc, ac: chromaAc, predictor: 0 }
  const cr: Component = { divisors: chromaDivisors, dc: chromaDc, ac: chromaAc, predictor: 0 }

  const writer = new BitWriter()
  const mcu = subsample ? 16 : 8
  const size = mcu * mcu
  const planeY = new Float64Array(size)
  const planeCb = new Float64Array(size)
  const planeCr = new Float64Array(size)
  const block = new Float64Array(64)
  const chroma = [
    [planeCb, cb],
    [planeCr, cr],
  ] as const
  for (let top = 0; top < height; top += mcu) {
    for (let left = 0; left < width; left += mcu) {
      // Colour-convert the MCU, replicating edge pixels where it overhangs the image.
      for (let y = 0; y < mcu; y++) {
        const row = Math.min(top + y, height - 1) * width
        for (let x = 0; x < mcu; x++) {
          const i = (row + Math.min(left + x, width - 1)) * 4
          const r = data[i] ?? 0
          const g = data[i + 1] ?? 0
          const b = data[i + 2] ?? 0
          const p = y * mcu + x
          planeY[p] = 0.299 * r + 0.587 * g + 0.114 * b - 128
          planeCb[p] = -0.168736 * r - 0.331264 * g + 0.5 * b
          planeCr[p] = 0.5 * r - 0.418688 * g - 0.081312 * b
        }
      }
      for (let by = 0; by < mcu; by += 8) {
        for (let bx = 0; bx < mcu; bx += 8) {
          for (let i = 0; i < 64; i++) block[i] = planeY[(by + (i >> 3)) * mcu + bx + (i & 7)] ?? 0
          encodeBlock(block, luma, writer)
        }
      }
      for (const [plane, component] of chroma) {
        for (let i = 0; i < 64; i++) {
          const y = i >> 3
          const x = i & 7
          block[i] = subsample
            ? ((plane[2 * y * 16 + 2 * x] ?? 0) +
                (plane[2 * y * 16 + 2 * x + 1] ?? 0) +
                (plane[(2 * y + 1) * 16 + 2 * x] ?? 0) +
                (plane[(2 * y + 1) * 16 + 2 * x + 1] ?? 0)) /
              4
            : (plane[i] ?? 0)
        }
        encodeBlock(block, component, writer)
      }
    }
  }
  const scan = writer.finish()

  const zigzagged = (quant: Uint8Array) => ZIGZAG.map((natural) => quant[natural] ?? 1)
  const header = [
    0xff,
    0xd8, // SOI
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // JFIF 1.1, 1:1 aspect
    ...segment(0xdb, [0, ...zigzagged(lumaQuant), 1, ...zigzagged(chromaQuant)]),
    ...segment(
      0xc0,
      [8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, subsample ? 0x22 : 0x11, 0].concat([
        2, 0x11, 1, 3, 0x11, 1,
      ]),
    ),
    ...huffmanSegment(),
    ...segment(0xda, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]),
  ]
  const out = new Uint8Array(header.length + scan.length + 2)
  out.set(header)
  out.set(scan, header.length)
  out[out.length - 2] = 0xff
  out[out.length - 1] = 0xd9 // EOI
  return out
}
