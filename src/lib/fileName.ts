/** Path separators and the characters Windows reserves in file names. */
const RESERVED = /[\\/:*?"<>|]/g
/**
 * Characters that are never shown as themselves: C0 and C1 controls and DEL, line and paragraph
 * separators, lone surrogates, and invisible format characters, bidi overrides and isolates among them
 * (U+202E shows `report<U+202E>gnp.exe` as `reportexe.png`). ZWJ and ZWNJ stay: emoji sequences and some
 * scripts need them.
 */
const INVISIBLE = /[\p{Cc}\p{Cs}\u2028\u2029]|(?![\u200c\u200d])\p{Cf}/gu
/** Names Windows keeps for devices, whatever the extension (`CON.png` cannot be saved). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i

/** Short enough to read, and with the longest suffix we add well under the 255-byte limit of most disks. */
export const MAX_STEM_CHARS = 120
export const MAX_STEM_BYTES = 180

/**
 * A title made safe as a file name stem: no path, reserved, control or invisible characters, no leading
 * dots or spaces (`. .bashrc` must not become a hidden file), no Windows device name, and cut to length
 * between whole characters (never inside an emoji or a letter with its accents).
 */
export function safeFileStem(title: string, fallback = 'look'): string {
  const cleaned = title.replace(RESERVED, ' ').replace(INVISIBLE, ' ').replace(/\s+/g, ' ')
  const stem = cut(cleaned.replace(/^[\s.]+/, '')).replace(/[\s.]+$/, '')
  if (!stem) return fallback
  // Windows reads the part before the first dot: `CON.notes` is the console too.
  return stem.replace(/^[^.]*/, (base) => (WINDOWS_DEVICE.test(base) ? `${base}_` : base))
}

const encoder = new TextEncoder()

function cut(text: string): string {
  if (text.length <= MAX_STEM_CHARS && encoder.encode(text).length <= MAX_STEM_BYTES) return text
  let out = ''
  let bytes = 0
  for (const piece of graphemes(text)) {
    const size = encoder.encode(piece).length
    if (out.length + piece.length > MAX_STEM_CHARS || bytes + size > MAX_STEM_BYTES) break
    out += piece
    bytes += size
  }
  return out
}

/** User-perceived characters where the platform can tell (Intl.Segmenter), else code points. */
function graphemes(text: string): Iterable<string> {
  if (typeof Intl.Segmenter !== 'function') return Array.from(text)
  return Array.from(
    new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text),
    (s) => s.segment,
  )
}
