import type { HuffmanSpec } from './jpeg-tables.ts'

/** Canonical Huffman codes for one table, indexed by symbol. */
export interface HuffmanCodes {
  code: Uint16Array
  length: Uint8Array
}

export function buildCodes(spec: HuffmanSpec): HuffmanCodes {
  const code = new Uint16Array(256)
  const length = new Uint8Array(256)
  let next = 0
  let k = 0
  for (let bits = 1; bits <= 16; bits++) {
    for (let i = 0; i < (spec.counts[bits - 1] ?? 0); i++) {
      const symbol = spec.symbols[k++] ?? 0
      code[symbol] = next++
      length[symbol] = bits
    }
    next <<= 1
  }
  return { code, length }
}

/** Big-endian bit sink with JPEG's 0xFF byte stuffing. */
export class BitWriter {
  private bytes = new Uint8Array(1 << 16)
  private size = 0
  private buffer = 0
  private count = 0

  private pushByte(byte: number): void {
    if (this.size + 2 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2)
      grown.set(this.bytes)
      this.bytes = grown
    }
    this.bytes[this.size++] = byte
    if (byte === 0xff) this.bytes[this.size++] = 0
  }

  write(value: number, bits: number): void {
    this.buffer = ((this.buffer << bits) | (value & ((1 << bits) - 1))) >>> 0
    this.count += bits
    while (this.count >= 8) {
      this.count -= 8
      this.pushByte((this.buffer >>> this.count) & 255)
    }
    this.buffer &= (1 << this.count) - 1
  }

  /** Pads the last byte with 1-bits, as the standard requires, and returns the entropy-coded data. */
  finish(): Uint8Array {
    if (this.count > 0) this.write(0x7f, 8 - this.count)
    return this.bytes.slice(0, this.size)
  }
}
