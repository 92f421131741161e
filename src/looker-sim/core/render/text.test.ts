import { beforeAll, describe, expect, it } from 'vitest'
import { fonts, loadFonts } from './font/index.ts'
import { encodePng } from './png.ts'
import { Raster } from './raster.ts'
import { drawText, drawTextVertical, fitText, glyphFor, measureText } from './text.ts'

describe('text before the font is loaded', () => {
  it('refuses to draw rather than drawing something else', () => {
    expect(() => measureText('Revenue', 1)).toThrow(/before loadFonts/)
  })
})

describe('outline text (Inter)', () => {
  beforeAll(async () => {
    await loadFonts()
  })

  it('has a glyph for every printable ASCII character, stand-ins for a few, and .notdef for the rest', () => {
    const { regular } = fonts()
    for (let code = 33; code < 127; code++) {
      const glyph = glyphFor(regular, String.fromCharCode(code))
      expect(glyph).toBeGreaterThan(0)
      expect(regular.outline(glyph).length).toBeGreaterThan(0)
    }
    expect(glyphFor(regular, '☃')).toBe(0)
    expect(glyphFor(regular, 'é')).not.toBe(glyphFor(regular, 'e'))
    expect(regular.outline(glyphFor(regular, 'é')).length).toBe(3)
    expect(glyphFor(regular, '∅')).toBe(glyphFor(regular, 'Ø'))
  })

  it('measures text proportionally, with digits all the same width, scaling by integers', () => {
    expect(measureText('il', 1)).toBeLessThan(measureText('mw', 1))
    expect(measureText('1111', 1)).toBe(measureText('8888', 1))
    expect(measureText('Revenue', 3)).toBe(measureText('Revenue', 1) * 3)
    expect(measureText('', 2)).toBe(0)
    expect(measureText('Revenue', 2, true)).toBeGreaterThan(measureText('Revenue', 2))
  })

  it('kerns pairs as the font says', () => {
    const { regular } = fonts()
    const av = regular.kerning(glyphFor(regular, 'A'), glyphFor(regular, 'V'))
    expect(av).toBeLessThan(0)
    expect(measureText('AV', 1)).toBeCloseTo(measureText('A', 1) + measureText('V', 1) + av * (7 / 1490), 9)
    expect(regular.kerning(glyphFor(regular, 'o'), glyphFor(regular, 'o'))).toBe(0)
  })

  it('truncates with an ellipsis to fit a width', () => {
    const text = 'Order Items Total Sale Price'
    expect(fitText(text, 1000, 1)).toBe(text)
    const cut = fitText(text, 60, 1)
    expect(cut.endsWith('…')).toBe(true)
    expect(measureText(cut, 1)).toBeLessThanOrEqual(60)
    expect(fitText(text, 1, 1)).toBe('')
    expect(measureText(fitText(text, 90, 2, true), 2, true)).toBeLessThanOrEqual(90)
  })

  it('fills glyph outlines in the requested colour, anti-aliased at their edges, centred when asked', () => {
    const raster = new Raster(120, 40)
    const width = drawText(raster, 'HI', 60, 4, { scale: 4, color: 0x112233, align: 'center' })
    expect(width).toBe(measureText('HI', 4))
    const left = Math.round(60 - width / 2)
    const row = 4 + 14
    const colours = Array.from({ length: 40 }, (_, i) =>
      raster
        .getPixel(left + i, row)
        .slice(0, 3)
        .join(','),
    )
    // Solid stems of H and I, white between them, and partly covered edge pixels.
    expect(colours).toContain('17,34,51')
    expect(colours.filter((c) => c === '17,34,51').length).toBeGreaterThanOrEqual(6)
    expect(colours.some((c) => c !== '17,34,51' && c !== '255,255,255')).toBe(true)
    expect(raster.getPixel(left - 1, row)).toEqual([255, 255, 255, 255])
    // Nothing above the capitals or below the baseline for "HI".
    for (let x = 0; x < 120; x++) {
      expect(raster.getPixel(x, 2)).toEqual([255, 255, 255, 255])
      expect(raster.getPixel(x, 4 + 28 + 1)).toEqual([255, 255, 255, 255])
    }
  })

  it('draws vertical text reading upwards, inside its run', () => {
    const raster = new Raster(40, 200)
    drawTextVertical(raster, 'Revenue', 10, 100, { scale: 2, color: 0 })
    const run = measureText('Revenue', 2)
    let top = 200
    let bottom = 0
    for (let y = 0; y < 200; y++)
      for (let x = 0; x < 40; x++)
        if (raster.getPixel(x, y)[0] < 128) {
          top = Math.min(top, y)
          bottom = Math.max(bottom, y)
        }
    expect(bottom - top).toBeGreaterThan(run * 0.8)
    expect(bottom - top).toBeLessThanOrEqual(run + 1)
  })

  it('is deterministic: the same text gives the same pixels and the same PNG bytes', async () => {
    const draw = () => {
      const raster = new Raster(320, 60)
      drawText(raster, 'Gross margin % — Q3 “board” view · €1,234.50', 4, 10, {
        scale: 2,
        color: 0x262d33,
        bold: true,
      })
      drawText(raster, 'Wavy Type: AVATAR fiord, ∅', 4, 40, { scale: 1, color: 0x3eb0d5 })
      return raster
    }
    const a = draw()
    const b = draw()
    expect(Buffer.from(b.data).equals(Buffer.from(a.data))).toBe(true)
    expect(Buffer.from(await encodePng(b)).equals(Buffer.from(await encodePng(a)))).toBe(true)
  })
})
