/** Adobe's published advance widths (1/1000 em) for ASCII 32..126 of the two base-14 fonts we use. */
const HELVETICA =
  '278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 ' +
  '278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667 ' +
  '611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 556 222 222 500 222 833 ' +
  '556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584'
const HELVETICA_BOLD =
  '278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 ' +
  '333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 778 667 778 722 667 ' +
  '611 722 667 944 667 667 611 333 278 333 584 556 333 556 611 556 611 556 333 611 611 278 278 556 278 889 ' +
  '611 611 611 611 389 556 333 611 556 778 556 556 500 389 280 389 584'

const parse = (list: string) => list.split(' ').map(Number)
const widths = { regular: parse(HELVETICA), bold: parse(HELVETICA_BOLD) }

/** WinAnsi (CP1252) bytes for the typographic characters outside Latin-1 that titles commonly contain. */
const WIN_ANSI_EXTRAS: Record<string, number> = {
  '\u20ac': 0x80,
  '\u2026': 0x85,
  '\u2018': 0x91,
  '\u2019': 0x92,
  '\u201c': 0x93,
  '\u201d': 0x94,
  '\u2022': 0x95,
  '\u2013': 0x96,
  '\u2014': 0x97,
  '\u2122': 0x99,
}

/** Maps text to WinAnsiEncoding byte values; characters the encoding lacks become '?'. */
export function winAnsiBytes(text: string): number[] {
  const out: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0) ?? 63
    if ((code >= 32 && code < 127) || (code >= 0xa0 && code <= 0xff)) out.push(code)
    else out.push(WIN_ANSI_EXTRAS[char] ?? 63)
  }
  return out
}

/** Width of `text` in points at `size`. Non-ASCII characters use a typical lowercase width. */
export function measurePdfText(text: string, size: number, bold = false): number {
  const table = bold ? widths.bold : widths.regular
  let units = 0
  for (const byte of winAnsiBytes(text)) units += table[byte - 32] ?? 556
  return (units * size) / 1000
}

/** `text`, cut with an ellipsis so that it fits `maxWidth` points. */
export function fitPdfText(text: string, maxWidth: number, size: number, bold = false): string {
  if (measurePdfText(text, size, bold) <= maxWidth) return text
  const chars = [...text]
  while (chars.length > 0 && measurePdfText(chars.join('').trimEnd() + '\u2026', size, bold) > maxWidth)
    chars.pop()
  return chars.length > 0 ? chars.join('').trimEnd() + '\u2026' : ''
}
