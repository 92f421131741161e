import { fonts, type Contour, type OutlineFont } from './font/index.ts'
import type { Point, Raster, Rgb } from './raster.ts'

export type Align = 'left' | 'center' | 'right'

export interface TextStyle {
  /** Size: capital letters are 7 × scale pixels tall (the layout unit charts are built on). */
  scale: number
  color: Rgb
  align?: Align
  /** Titles: Inter SemiBold instead of Regular. */
  bold?: boolean
}

const ELLIPSIS = '\u2026'
/** Cap height in pixels at scale 1, and the distance between baselines (charts lay out with these). */
const CAP_PX = 7
const LINE_PX = 11
/** Vertical coverage samples per pixel row for glyphs (shapes use 4): small type needs finer edges. */
const TEXT_SUBSAMPLES = 8
/** Characters the font lacks but has a look-alike for (∅ is how Looker shows null). */
const STAND_INS: Record<string, string> = { '∅': 'Ø', '\t': ' ' }

const faceFor = (bold: boolean | undefined): OutlineFont => (bold ? fonts().semibold : fonts().regular)
const isDigit = (char: string) => char >= '0' && char <= '9'
const normalScale = (scale: number) => Math.max(1, Math.round(scale))

export function glyphFor(font: OutlineFont, char: string): number {
  const code = char.codePointAt(0) ?? 32
  const direct = font.glyphId(code)
  if (direct !== 0) return direct
  const standIn = STAND_INS[char]
  if (standIn) return font.glyphId(standIn.codePointAt(0) ?? 32)
  // An accented letter the font lacks falls back to its base letter; anything else is .notdef (a box).
  const base = char.normalize('NFD').codePointAt(0) ?? code
  return base !== code ? font.glyphId(base) : 0
}

/** Widest digit, so numbers are tabular: columns and axis ticks line up. */
const tabularWidths = new WeakMap<OutlineFont, number>()
function digitWidth(font: OutlineFont): number {
  let width = tabularWidths.get(font)
  if (width === undefined) {
    width = Math.max(...[...'0123456789'].map((d) => font.advance(glyphFor(font, d))))
    tabularWidths.set(font, width)
  }
  return width
}

interface Placed {
  glyph: number
  /** Pen position in font units. */
  x: number
}

/** Glyphs with their pen positions: advances and kerning from the font, digits tabular. */
function layout(font: OutlineFont, text: string): { glyphs: Placed[]; width: number } {
  const glyphs: Placed[] = []
  let pen = 0
  let previous: { glyph: number; digit: boolean } | null = null
  for (const char of text) {
    const glyph = glyphFor(font, char)
    const digit = isDigit(char)
    if (previous && !previous.digit && !digit) pen += font.kerning(previous.glyph, glyph)
    const advance = font.advance(glyph)
    const cell = digit ? digitWidth(font) : advance
    glyphs.push({ glyph, x: pen + (cell - advance) / 2 })
    pen += cell
    previous = { glyph, digit }
  }
  return { glyphs, width: pen }
}

/** Pixels per font unit at scale 1. */
const unitPx = (font: OutlineFont) => CAP_PX / font.capHeight

/** Width in pixels of `text` at `scale` (exactly proportional to the scale). */
export function measureText(text: string, scale: number, bold = false): number {
  const font = faceFor(bold)
  return layout(font, text).width * unitPx(font) * normalScale(scale)
}

/** Height of capital letters at `scale`; descenders hang below this. */
export function capHeight(scale: number): number {
  return CAP_PX * scale
}

/** Distance between baselines of stacked lines. */
export function lineHeight(scale: number): number {
  return LINE_PX * scale
}

/** `text`, shortened with an ellipsis if needed so it fits in `maxWidth` pixels ('' if nothing fits). */
export function fitText(text: string, maxWidth: number, scale: number, bold = false): string {
  if (measureText(text, scale, bold) <= maxWidth) return text
  const chars = [...text]
  let low = 0
  let high = chars.length
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    const candidate = chars.slice(0, mid).join('').trimEnd() + ELLIPSIS
    if (measureText(candidate, scale, bold) <= maxWidth) low = mid
    else high = mid - 1
  }
  if (low === 0) return measureText(ELLIPSIS, scale, bold) <= maxWidth ? ELLIPSIS : ''
  return chars.slice(0, low).join('').trimEnd() + ELLIPSIS
}

/** A largest integer scale (≥ 1) at which `text` fits in `maxWidth`, capped at `maxScale`. */
export function scaleToFit(text: string, maxWidth: number, maxScale: number): number {
  for (let scale = Math.max(1, Math.floor(maxScale)); scale > 1; scale--) {
    if (measureText(text, scale) <= maxWidth) return scale
  }
  return 1
}

/**
 * The outlines of `text` as polygons: quadratic curves flattened into short chords, each point mapped
 * by `place` from (x along the run, y down from the cap line), in pixels.
 */
function outlines(
  font: OutlineFont,
  text: string,
  scale: number,
  place: (x: number, y: number) => Point,
): { contours: Point[][]; width: number } {
  const k = unitPx(font) * scale
  const cap = CAP_PX * scale
  const { glyphs, width } = layout(font, text)
  const contours: Point[][] = []
  for (const { glyph, x } of glyphs) {
    for (const contour of font.outline(glyph)) {
      const points = flatten(contour, (p) => place((x + p.x) * k, cap - p.y * k), k)
      if (points.length >= 3) contours.push(points)
    }
  }
  return { contours, width: width * k }
}

/**
 * A TrueType contour as a polygon. Between two off-curve points lies an implied on-curve midpoint; each
 * quadratic segment gets enough chords (by its length in pixels) that none strays visibly from the curve.
 */
function flatten(contour: Contour, place: (p: { x: number; y: number }) => Point, k: number): Point[] {
  const n = contour.length
  if (n === 0) return []
  const at = (i: number) => contour[((i % n) + n) % n]!
  const mid = (a: { x: number; y: number }, b: { x: number; y: number }) => ({
    x: (a.x + b.x) / 2,
    y: (a.y + b.y) / 2,
  })
  let first = contour.findIndex((p) => p.on)
  const start = first >= 0 ? at(first) : mid(at(0), at(1))
  if (first < 0) first = 0
  const out: Point[] = [place(start)]
  let current = start
  for (let step = 1; step <= n; step++) {
    const point = at(first + step)
    if (point.on) {
      out.push(place(point))
      current = point
      continue
    }
    const next = at(first + step + 1)
    const end = next.on ? next : mid(point, next)
    const length =
      (Math.hypot(point.x - current.x, point.y - current.y) + Math.hypot(end.x - point.x, end.y - point.y)) *
      k
    const segments = Math.min(16, Math.max(2, Math.ceil(Math.sqrt(length * 2))))
    for (let s = 1; s <= segments; s++) {
      const t = s / segments
      const u = 1 - t
      out.push(
        place({
          x: u * u * current.x + 2 * u * t * point.x + t * t * end.x,
          y: u * u * current.y + 2 * u * t * point.y + t * t * end.y,
        }),
      )
    }
    current = end
    if (next.on) step++
  }
  return out
}

/**
 * Draws `text` with the top of its capitals at y and its left edge (or centre, or right edge, per
 * `align`) at x, filled by the anti-aliased polygon rasterizer. Returns the drawn width.
 */
export function drawText(raster: Raster, text: string, x: number, y: number, style: TextStyle): number {
  const scale = normalScale(style.scale)
  const font = faceFor(style.bold)
  const width = measureText(text, scale, style.bold)
  const left = Math.round(style.align === 'center' ? x - width / 2 : style.align === 'right' ? x - width : x)
  const top = Math.round(y)
  const { contours } = outlines(font, text, scale, (px, py) => ({ x: left + px, y: top + py }))
  if (contours.length > 0) raster.fillPolygon(contours, style.color, 1, TEXT_SUBSAMPLES)
  return width
}

/**
 * Draws `text` rotated 90° counter-clockwise (reading bottom to top), as y-axis titles are.
 * (x, y) is the centre of the text's run and the left edge of its capitals' tops.
 */
export function drawTextVertical(raster: Raster, text: string, x: number, y: number, style: TextStyle): void {
  const scale = normalScale(style.scale)
  const font = faceFor(style.bold)
  const bottom = Math.round(y + measureText(text, scale, style.bold) / 2)
  const left = Math.round(x)
  // Along the run becomes upward; down from the cap line becomes rightward.
  const { contours } = outlines(font, text, scale, (px, py) => ({ x: left + py, y: bottom - px }))
  if (contours.length > 0) raster.fillPolygon(contours, style.color, 1, TEXT_SUBSAMPLES)
}
