import { CAP_HEIGHT, DIGIT_WIDTH, GLYPH_ROWS, glyphFor, isDigit, type Glyph } from './font.ts'
import type { Point, Raster, Rgb } from './raster.ts'

export type Align = 'left' | 'center' | 'right'

export interface TextStyle {
  /** Integer pixel scale of the 5×7 font; 1 = 7px capitals. */
  scale: number
  color: Rgb
  align?: Align
  /** Faux bold (scale ≥ 2 only): the glyphs drawn twice, half a font pixel apart. */
  bold?: boolean
}

const ELLIPSIS = '\u2026'

/** Digits share one width so columns of numbers line up in tables and on axes. */
function advanceOf(char: string, glyph: Glyph): number {
  return (isDigit(char) ? DIGIT_WIDTH : glyph.width) + 1
}

/** Width in pixels of `text` at `scale`, without trailing spacing. */
export function measureText(text: string, scale: number): number {
  let width = 0
  for (const char of text) width += advanceOf(char, glyphFor(char))
  return Math.max(0, width - 1) * scale
}

/** Height of capital letters at `scale`; descenders hang below this. */
export function capHeight(scale: number): number {
  return CAP_HEIGHT * scale
}

/** Distance between baselines of stacked lines. */
export function lineHeight(scale: number): number {
  return (GLYPH_ROWS + 2) * scale
}

/** `text`, shortened with an ellipsis if needed so it fits in `maxWidth` pixels ('' if nothing fits). */
export function fitText(text: string, maxWidth: number, scale: number): string {
  if (measureText(text, scale) <= maxWidth) return text
  const chars = [...text]
  let low = 0
  let high = chars.length
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    const candidate = chars.slice(0, mid).join('').trimEnd() + ELLIPSIS
    if (measureText(candidate, scale) <= maxWidth) low = mid
    else high = mid - 1
  }
  if (low === 0) return measureText(ELLIPSIS, scale) <= maxWidth ? ELLIPSIS : ''
  return chars.slice(0, low).join('').trimEnd() + ELLIPSIS
}

/** A largest integer scale (≥ 1) at which `text` fits in `maxWidth`, capped at `maxScale`. */
export function scaleToFit(text: string, maxWidth: number, maxScale: number): number {
  for (let scale = Math.max(1, Math.floor(maxScale)); scale > 1; scale--) {
    if (measureText(text, scale) <= maxWidth) return scale
  }
  return 1
}

type Plot = (gx: number, gy: number, size: number) => void
type Chamfer = (triangle: Point[]) => void

/**
 * Walks the glyphs of `text`, calling `plot` for every lit font pixel (in font units relative to the
 * text origin) and `chamfer` for small triangles that bridge diagonal steps, which smooths large text.
 */
function rasterize(text: string, smooth: boolean, plot: Plot, chamfer: Chamfer): void {
  let pen = 0
  for (const char of text) {
    const glyph = glyphFor(char)
    const offset = isDigit(char) ? (DIGIT_WIDTH - glyph.width) >> 1 : 0
    const lit = (x: number, y: number) => x >= 0 && x < 5 && ((glyph.rows[y] ?? 0) & (16 >> x)) !== 0
    for (let gy = 0; gy < GLYPH_ROWS; gy++) {
      for (let gx = 0; gx < 5; gx++) {
        if (!lit(gx, gy)) continue
        plot(pen + offset + gx, gy, 1)
        if (!smooth) continue
        const ox = pen + offset
        // Down-right diagonal: (gx,gy) and (gx+1,gy+1) lit, the two corners between them empty.
        if (lit(gx + 1, gy + 1) && !lit(gx + 1, gy) && !lit(gx, gy + 1)) {
          const cx = ox + gx + 1
          const cy = gy + 1
          chamfer([pt(cx, cy - 0.5), pt(cx + 0.5, cy), pt(cx, cy)])
          chamfer([pt(cx - 0.5, cy), pt(cx, cy), pt(cx, cy + 0.5)])
        }
        // Down-left diagonal.
        if (lit(gx - 1, gy + 1) && !lit(gx - 1, gy) && !lit(gx, gy + 1)) {
          const cx = ox + gx
          const cy = gy + 1
          chamfer([pt(cx, cy - 0.5), pt(cx, cy), pt(cx - 0.5, cy)])
          chamfer([pt(cx + 0.5, cy), pt(cx, cy + 0.5), pt(cx, cy)])
        }
      }
    }
    pen += advanceOf(char, glyph)
  }
}

function pt(x: number, y: number): Point {
  return { x, y }
}

/**
 * Draws `text` with its top-left (or top-centre/top-right, per `align`) at (x, y).
 * Returns the drawn width.
 */
export function drawText(raster: Raster, text: string, x: number, y: number, style: TextStyle): number {
  const scale = Math.max(1, Math.round(style.scale))
  const width = measureText(text, scale)
  const left = Math.round(style.align === 'center' ? x - width / 2 : style.align === 'right' ? x - width : x)
  const top = Math.round(y)
  const triangles: Point[][] = []
  rasterize(
    text,
    scale >= 2,
    (gx, gy, size) =>
      raster.fillRect(left + gx * scale, top + gy * scale, size * scale, size * scale, style.color),
    (tri) => triangles.push(tri.map((p) => pt(left + p.x * scale, top + p.y * scale))),
  )
  if (triangles.length) raster.fillPolygon(triangles, style.color)
  if (style.bold && scale >= 2)
    drawText(raster, text, left + Math.max(1, Math.floor(scale / 2)), top, {
      ...style,
      bold: false,
      align: 'left',
    })
  return width
}

/**
 * Draws `text` rotated 90° counter-clockwise (reading bottom to top), as y-axis titles are.
 * (x, y) is the centre of the text's run and the left edge of its glyph tops.
 */
export function drawTextVertical(raster: Raster, text: string, x: number, y: number, style: TextStyle): void {
  const scale = Math.max(1, Math.round(style.scale))
  const bottom = Math.round(y + measureText(text, scale) / 2)
  const left = Math.round(x)
  // Font (gx, gy) maps to screen (left + gy, bottom - gx): rows become columns, the pen runs upward.
  rasterize(
    text,
    false,
    (gx, gy, size) =>
      raster.fillRect(
        left + gy * scale,
        bottom - (gx + size) * scale,
        size * scale,
        size * scale,
        style.color,
      ),
    () => undefined,
  )
}
