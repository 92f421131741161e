import { describe, expect, it } from 'vitest'
import { MAX_STEM_BYTES, MAX_STEM_CHARS, safeFileStem } from './fileName'

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length
/** Would the name survive a round trip through UTF-8 (no half of a surrogate pair left over)? */
const wellFormed = (text: string) => new TextDecoder().decode(new TextEncoder().encode(text)) === text

describe('download names from titles (issue 12)', () => {
  it('never starts with a dot or a space, so ". .bashrc" is not a hidden file', () => {
    expect(safeFileStem('. .bashrc')).toBe('bashrc')
    expect(safeFileStem('  ..  . config')).toBe('config')
    expect(safeFileStem('.')).toBe('look')
    expect(safeFileStem('Revenue.')).toBe('Revenue')
  })

  it('drops bidi overrides and isolates, DEL, C0 and C1 controls and invisible format characters', () => {
    expect(safeFileStem('report\u202Egnp.exe')).toBe('report gnp.exe')
    for (const ch of [
      '\u202A',
      '\u202B',
      '\u202D',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
    ])
      expect(safeFileStem(`a${ch}b`), `U+${ch.codePointAt(0)!.toString(16)}`).toBe('a b')
    expect(safeFileStem('a\u007Fb\u0085c\u009Bd\u0000e\tf\u2028g')).toBe('a b c d e f g')
    expect(safeFileStem('zero\u200Bwidth\uFEFF')).toBe('zero width')
    expect(safeFileStem('lone \uD800 half')).toBe('lone half')
  })

  it('keeps what titles legitimately hold: accents, scripts, emoji sequences with their joiners', () => {
    expect(safeFileStem('Umsätze – Q3 (Köln)')).toBe('Umsätze – Q3 (Köln)')
    expect(safeFileStem('Family 👨‍👩‍👧 report')).toBe('Family 👨‍👩‍👧 report')
    expect(safeFileStem('می‌خواهم')).toBe('می‌خواهم') // ZWNJ belongs to the word
  })

  it('replaces path and reserved characters, and is never a Windows device name', () => {
    expect(safeFileStem('a/b\\c:d*e?f"g<h>i|j')).toBe('a b c d e f g h i j')
    expect(safeFileStem('CON')).toBe('CON_')
    expect(safeFileStem('nul.notes')).toBe('nul_.notes')
    expect(safeFileStem('Console')).toBe('Console')
  })

  it('cuts long titles between whole characters: never inside an emoji or a letter with its accent', () => {
    const emoji = `${'a'.repeat(MAX_STEM_CHARS - 1)}😀 tail`
    const cutEmoji = safeFileStem(emoji)
    expect(cutEmoji).toBe('a'.repeat(MAX_STEM_CHARS - 1))
    expect(wellFormed(cutEmoji)).toBe(true)

    const flag = `${'b'.repeat(MAX_STEM_CHARS - 3)}🇩🇪🇫🇷`
    expect(safeFileStem(flag)).toBe(`${'b'.repeat(MAX_STEM_CHARS - 3)}`) // a flag is two code points

    const accent = `${'c'.repeat(MAX_STEM_CHARS - 1)}e\u0301`
    expect(safeFileStem(accent)).toBe('c'.repeat(MAX_STEM_CHARS - 1))
  })

  it('keeps the name within a byte budget for disks that count UTF-8 bytes (255 on most)', () => {
    const cut = safeFileStem('売上'.repeat(100))
    expect(utf8Bytes(cut)).toBeLessThanOrEqual(MAX_STEM_BYTES)
    expect(cut).toBe('売上'.repeat(30))
    expect(wellFormed(cut)).toBe(true)
  })
})
