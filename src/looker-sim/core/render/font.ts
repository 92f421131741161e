/**
 * A 5×7 bitmap font (plus two descender rows) for printable ASCII, drawn for this renderer.
 * Each glyph is up to nine base-32 digits, one per row from the top; bit 4 is the leftmost column.
 * Glyphs are stored flush left, so their advance is their ink width plus one column of spacing.
 */
const GLYPHS =
  'ggggg0g kkk aavavaa 4fke5u4 op248j3 cik8lid gg 48ggg84 g84448g 04lel4 044v44 00000oo8g 000u 00000oo ' +
  '11248gg ehhhhhe 8o8888s eh1248v v2421he 26aiv22 vgu11he 68guhhe v124888 ehhehhe ehhf12c 0oo0oo ' +
  '0oo0oo8g 248g842 00v0v g84248g eh12404 ehnlngf ehhvhhh uhhuhhu ehggghe sihhhis vgguggv vgguggg ' +
  'ehgnhhf hhhvhhh s88888s 72222ic hikokih ggggggv hrllhhh hhpljhh ehhhhhe uhhuggg ehhhlid uhhukih ' +
  'fgge11u v444444 hhhhhhe hhhhha4 hhhllla hha4ahh hha4444 v1248gv sgggggs gg84211 s44444s 4ah ' +
  '0000000v g8 00e1fhf gguhhhu 00eggge 11fhhhf 00ehvge 68s8888 00fhhhf1e gguhhhh 80o888s 2062222ic ' +
  'ggikoki o88888s 00qllll 00uhhhh 00ehhhe 00uhhhugg 00fhhhf11 00mpggg 00fge1u 88u8896 00hhhjd ' +
  '00hhha4 00hhlla 00ha4ah 00hhhhf1e 00v248v 488g884 gggggggg g88488g 008l2'
/** Shown for characters the font lacks, so missing text is visible rather than silently dropped. */
const PLACEHOLDER = 'vhhhhhv'
const ELLIPSIS = '000000l'
/** A few non-ASCII characters that labels and values commonly use (∅ is how Looker shows null). */
const EXTRAS: Record<string, string> = {
  '∅': '1ejlpeg',
  '·': '000g',
  '€': '78u8u87',
  '£': '698s88v',
  '°': '8k8',
}

export const GLYPH_ROWS = 9
/** Rows above the baseline (cap height); rows 7 and 8 hold descenders. */
export const CAP_HEIGHT = 7
export const SPACE_ADVANCE = 3
export const DIGIT_WIDTH = 5

export interface Glyph {
  rows: Uint8Array
  width: number
}

function decode(code: string): Glyph {
  const rows = new Uint8Array(GLYPH_ROWS)
  let bits = 0
  for (let i = 0; i < code.length; i++) {
    const row = Number.parseInt(code.charAt(i), 32)
    rows[i] = row
    bits |= row
  }
  let width = 0
  for (let col = 0; col < 5; col++) if (bits & (16 >> col)) width = col + 1
  return { rows, width }
}

const table = new Map<number, Glyph>()
GLYPHS.split(' ').forEach((code, i) => table.set(33 + i, decode(code)))
table.set(32, { rows: new Uint8Array(GLYPH_ROWS), width: SPACE_ADVANCE - 1 })
table.set(0x2026, decode(ELLIPSIS))
for (const [char, code] of Object.entries(EXTRAS)) table.set(char.codePointAt(0) ?? 0, decode(code))
const placeholder = decode(PLACEHOLDER)

/**
 * The glyph for one character. Accented Latin letters fall back to their base letter (São → Sao) via
 * Unicode decomposition; anything else gets the placeholder box.
 */
export function glyphFor(char: string): Glyph {
  const code = char.codePointAt(0) ?? 32
  const direct = table.get(code)
  if (direct) return direct
  if (code === 0x2018 || code === 0x2019) return table.get(39) ?? placeholder
  if (code === 0x201c || code === 0x201d) return table.get(34) ?? placeholder
  if (code === 0x2013 || code === 0x2014) return table.get(45) ?? placeholder
  if (code === 0xa0 || code === 9) return table.get(32) ?? placeholder
  const base = char.normalize('NFD').codePointAt(0) ?? code
  return (base !== code ? table.get(base) : undefined) ?? placeholder
}

export function isDigit(char: string): boolean {
  return char >= '0' && char <= '9'
}
