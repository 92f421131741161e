/** Standard tables from ITU-T T.81 (JPEG) Annex K, used by every baseline decoder without negotiation. */

function bytes(hexString: string): Uint8Array {
  const out = new Uint8Array(hexString.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hexString.slice(i * 2, i * 2 + 2), 16)
  return out
}

/** K.1 luminance quantisation table, natural (row-major) order. */
export const LUMA_QUANT = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22,
  29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103,
  121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
]

/** K.2 chrominance quantisation table, natural order. */
export const CHROMA_QUANT = [
  17,
  18,
  24,
  47,
  99,
  99,
  99,
  99,
  18,
  21,
  26,
  66,
  99,
  99,
  99,
  99,
  24,
  26,
  56,
  99,
  99,
  99,
  99,
  99,
  47,
  66,
  99,
  99,
  99,
  99,
  99,
  99,
  ...Array<number>(32).fill(99),
]

export interface HuffmanSpec {
  /** Number of codes of each length 1..16. */
  counts: Uint8Array
  /** Symbols in order of increasing code length. */
  symbols: Uint8Array
}

const DC_SYMBOLS = bytes('000102030405060708090a0b')

export const DC_LUMA: HuffmanSpec = { counts: bytes('00010501010101010100000000000000'), symbols: DC_SYMBOLS }
export const DC_CHROMA: HuffmanSpec = {
  counts: bytes('00030101010101010101010000000000'),
  symbols: DC_SYMBOLS,
}

export const AC_LUMA: HuffmanSpec = {
  counts: bytes('0002010303020403050504040000017d'),
  symbols: bytes(
    '01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a2526272829' +
      '2a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92' +
      '939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5' +
      'e6e7e8e9eaf1f2f3f4f5f6f7f8f9fa',
  ),
}

export const AC_CHROMA: HuffmanSpec = {
  counts: bytes('00020102040403040705040400010277'),
  symbols: bytes(
    '000102031104052131061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f11718191a2627' +
      '28292a35363738393a434445464748494a535455565758595a636465666768696a737475767778797a8283848586878889' +
      '8a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2e3e4' +
      'e5e6e7e8e9eaf2f3f4f5f6f7f8f9fa',
  ),
}

/** ZIGZAG[k] is the natural index of the k-th coefficient in zig-zag scan order. */
export const ZIGZAG: readonly number[] = (() => {
  const order: number[] = []
  for (let sum = 0; sum < 15; sum++) {
    const low = Math.max(0, sum - 7)
    const high = Math.min(sum, 7)
    // Even diagonals run up and to the right (x increasing), odd ones down and to the left.
    for (let i = 0; i <= high - low; i++) {
      const x = sum % 2 === 0 ? low + i : high - i
      order.push((sum - x) * 8 + x)
    }
  }
  return order
})()
