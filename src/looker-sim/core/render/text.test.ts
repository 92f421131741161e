import { describe, expect, it } from 'vitest'
import { glyphFor } from './font.ts'
import { Raster } from './raster.ts'
import { drawText, fitText, measureText } from './text.ts'

describe('bitmap text', () => {
  it('has a glyph for every printable ASCII character, and a placeholder box for the rest', () => {
    const box = glyphFor('日')
    for (let code = 33; code < 127; code++) {
      const glyph = glyphFor(String.fromCharCode(code))
      expect(glyph.width).toBeGreaterThan(0)
      expect(glyph).not.toBe(box)
    }
    expect(glyphFor('☃')).toBe(box)
    expect(glyphFor('é')).toBe(glyphFor('e'))
  })

  it('measures text proportionally, with digits all the same width, scaling by integers', () => {
    expect(measureText('il', 1)).toBeLessThan(measureText('mw', 1))
    expect(measureText('1111', 1)).toBe(measureText('8888', 1))
    expect(measureText('Revenue', 3)).toBe(measureText('Revenue', 1) * 3)
    expect(measureText('', 2)).toBe(0)
  })

  it('truncates with an ellipsis to fit a width', () => {
    const text = 'Order Items Total Sale Price'
    expect(fitText(text, 1000, 1)).toBe(text)
    const cut = fitText(text, 60, 1)
    expect(cut.endsWith('…')).toBe(true)
    expect(measureText(cut, 1)).toBeLessThanOrEqual(60)
    expect(fitText(text, 1, 1)).toBe('')
  })

  it('draws glyph pixels in the requested colour, centred when asked', () => {
    const raster = new Raster(60, 20)
    const width = drawText(raster, 'HI', 30, 2, { scale: 2, color: 0x112233, align: 'center' })
    expect(width).toBe(measureText('HI', 2))
    const left = Math.round(30 - width / 2)
    expect(raster.getPixel(left, 2)).toEqual([0x11, 0x22, 0x33, 255])
    expect(raster.getPixel(left - 1, 2)).toEqual([255, 255, 255, 255])
  })
})
