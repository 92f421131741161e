import { normalizeVisType } from '../render/chart'
import { PALETTE } from '../render/chart/theme'
import { deriveSeed, Random } from '../random'

/**
 * An abstract picture of a visualization, as Looker's content thumbnails are ("an abstract representation
 * … does not reflect the actual data"): shapes only, never text, so nothing a user wrote can end up in
 * the image. One scene is written out as SVG or rasterized as PNG.
 */
export type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: number }
  | { kind: 'polygon'; points: [number, number][]; color: number }
  | { kind: 'polyline'; points: [number, number][]; width: number; color: number }
  | { kind: 'circle'; cx: number; cy: number; r: number; color: number }
  /** Angles in radians clockwise from 12 o'clock; `inner` > 0 makes a ring segment. */
  | {
      kind: 'wedge'
      cx: number
      cy: number
      r: number
      inner: number
      start: number
      end: number
      color: number
    }

export interface Scene {
  width: number
  height: number
  shapes: Shape[]
}

export type ThumbnailTheme = 'light' | 'dark'

interface Palette {
  page: number
  card: number
  border: number
  ink: number
  faint: number
}

const THEMES: Record<ThumbnailTheme, Palette> = {
  light: { page: 0xf1f3f5, card: 0xffffff, border: 0xdde1e5, ink: 0xc3c9d0, faint: 0xeceff2 },
  dark: { page: 0x16191d, card: 0x22272d, border: 0x363d45, ink: 0x59626c, faint: 0x2c3239 },
}

interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** A look: a card with a title bar and its visualization type drawn abstractly. */
export function lookScene(
  visType: string | null,
  variant: string,
  theme: ThumbnailTheme,
  width: number,
  height: number,
): Scene {
  const colors = THEMES[theme]
  const shapes: Shape[] = [{ kind: 'rect', x: 0, y: 0, w: width, h: height, color: colors.card }]
  drawCard(shapes, { x: 0, y: 0, w: width, h: height }, visType, new Random(deriveSeed(1, variant)), colors)
  return { width, height, shapes }
}

/** A dashboard: a title band over its tiles, three to a row as on Looker's grid. */
export function dashboardScene(
  visTypes: (string | null)[],
  variant: string,
  theme: ThumbnailTheme,
  width: number,
  height: number,
): Scene {
  const colors = THEMES[theme]
  const rng = new Random(deriveSeed(2, variant))
  const shapes: Shape[] = [{ kind: 'rect', x: 0, y: 0, w: width, h: height, color: colors.page }]
  const unit = Math.min(width, height) / 30
  const band = unit * 3
  shapes.push({ kind: 'rect', x: 0, y: 0, w: width, h: band, color: colors.card })
  shapes.push({ kind: 'rect', x: unit, y: band * 0.35, w: width * 0.3, h: band * 0.3, color: colors.ink })
  const tiles = visTypes.length === 0 ? [null] : visTypes
  const columns = Math.min(3, tiles.length)
  const rows = Math.ceil(tiles.length / columns)
  const gap = unit * 0.8
  const tileW = (width - gap * (columns + 1)) / columns
  const tileH = (height - band - gap * (rows + 1)) / rows
  tiles.forEach((type, i) => {
    const box = {
      x: gap + (i % columns) * (tileW + gap),
      y: band + gap + Math.floor(i / columns) * (tileH + gap),
      w: tileW,
      h: tileH,
    }
    shapes.push({ kind: 'rect', ...box, color: colors.border })
    shapes.push({ kind: 'rect', x: box.x + 1, y: box.y + 1, w: box.w - 2, h: box.h - 2, color: colors.card })
    if (visTypes.length > 0) drawCard(shapes, box, type, rng, colors)
  })
  return { width, height, shapes }
}

function drawCard(shapes: Shape[], box: Box, visType: string | null, rng: Random, colors: Palette): void {
  const pad = Math.min(box.w, box.h) * 0.08
  shapes.push({
    kind: 'rect',
    x: box.x + pad,
    y: box.y + pad,
    w: box.w * 0.42,
    h: pad * 0.7,
    color: colors.ink,
  })
  const plot = { x: box.x + pad, y: box.y + pad * 2.6, w: box.w - pad * 2, h: box.h - pad * 3.6 }
  if (plot.w <= 2 || plot.h <= 2) return
  const type = normalizeVisType(visType) ?? 'column'
  switch (type) {
    case 'bar':
      return bars(shapes, plot, rng, colors, true)
    case 'line':
    case 'area':
      return lines(shapes, plot, rng, colors, type === 'area')
    case 'scatter':
      return dots(shapes, plot, rng, colors)
    case 'pie':
    case 'donut':
      return pie(shapes, plot, rng, type === 'donut')
    case 'table':
      return table(shapes, plot, rng, colors)
    case 'single_value':
      return singleValue(shapes, plot, colors)
    default:
      return bars(shapes, plot, rng, colors, false)
  }
}

const color = (i: number) => PALETTE[i % PALETTE.length] ?? 0x3eb0d5

function bars(shapes: Shape[], p: Box, rng: Random, colors: Palette, horizontal: boolean): void {
  const count = 6
  shapes.push(
    horizontal
      ? { kind: 'rect', x: p.x, y: p.y, w: 1, h: p.h, color: colors.ink }
      : { kind: 'rect', x: p.x, y: p.y + p.h - 1, w: p.w, h: 1, color: colors.ink },
  )
  const along = (horizontal ? p.h : p.w) / count
  for (let i = 0; i < count; i++) {
    const share = 0.25 + rng.next() * 0.75
    shapes.push(
      horizontal
        ? {
            kind: 'rect',
            x: p.x + 1,
            y: p.y + i * along + along * 0.2,
            w: (p.w - 1) * share,
            h: along * 0.6,
            color: color(0),
          }
        : {
            kind: 'rect',
            x: p.x + i * along + along * 0.2,
            y: p.y + p.h - 1 - (p.h - 1) * share,
            w: along * 0.6,
            h: (p.h - 1) * share,
            color: color(0),
          },
    )
  }
}

function series(rng: Random, count: number): number[] {
  let level = 0.3 + rng.next() * 0.4
  return Array.from(
    { length: count },
    () => (level = Math.min(0.95, Math.max(0.08, level + (rng.next() - 0.45) * 0.3))),
  )
}

function lines(shapes: Shape[], p: Box, rng: Random, colors: Palette, filled: boolean): void {
  shapes.push({ kind: 'rect', x: p.x, y: p.y + p.h - 1, w: p.w, h: 1, color: colors.ink })
  const width = Math.max(1.5, Math.min(p.w, p.h) / 45)
  for (let s = filled ? 0 : 1; s >= 0; s--) {
    const values = series(rng, 9)
    const points = values.map((v, i): [number, number] => [
      p.x + (p.w * i) / (values.length - 1),
      p.y + p.h * (1 - v),
    ])
    if (filled)
      shapes.push({
        kind: 'polygon',
        points: [...points, [p.x + p.w, p.y + p.h], [p.x, p.y + p.h]],
        color: colors.faint,
      })
    shapes.push({ kind: 'polyline', points, width, color: color(s) })
  }
}

function dots(shapes: Shape[], p: Box, rng: Random, colors: Palette): void {
  shapes.push({ kind: 'rect', x: p.x, y: p.y + p.h - 1, w: p.w, h: 1, color: colors.ink })
  const r = Math.max(1.5, Math.min(p.w, p.h) / 30)
  for (let i = 0; i < 14; i++) {
    const x = 0.05 + 0.9 * rng.next()
    const y = Math.min(0.95, Math.max(0.05, x * 0.7 + (rng.next() - 0.5) * 0.4))
    shapes.push({ kind: 'circle', cx: p.x + p.w * x, cy: p.y + p.h * (1 - y), r, color: color(0) })
  }
}

function pie(shapes: Shape[], p: Box, rng: Random, donut: boolean): void {
  const r = Math.min(p.w, p.h) / 2
  const cx = p.x + p.w / 2
  const cy = p.y + p.h / 2
  const weights = [3 + rng.next() * 3, 2 + rng.next() * 2, 1 + rng.next() * 2, 1 + rng.next()]
  const total = weights.reduce((a, b) => a + b, 0)
  let start = 0
  weights.forEach((w, i) => {
    const end = start + (w / total) * Math.PI * 2
    shapes.push({ kind: 'wedge', cx, cy, r, inner: donut ? r * 0.55 : 0, start, end, color: color(i) })
    start = end
  })
}

function table(shapes: Shape[], p: Box, rng: Random, colors: Palette): void {
  const rows = 6
  const rowH = p.h / rows
  shapes.push({ kind: 'rect', x: p.x, y: p.y, w: p.w, h: rowH, color: colors.faint })
  for (let r = 0; r < rows; r++) {
    const y = p.y + r * rowH
    if (r > 0) shapes.push({ kind: 'rect', x: p.x, y, w: p.w, h: 1, color: colors.faint })
    for (let c = 0; c < 3; c++) {
      const w = (p.w / 3) * (r === 0 ? 0.6 : 0.3 + rng.next() * 0.45)
      shapes.push({
        kind: 'rect',
        x: p.x + (p.w / 3) * c + rowH * 0.3,
        y: y + rowH * 0.35,
        w,
        h: rowH * 0.3,
        color: colors.ink,
      })
    }
  }
}

function singleValue(shapes: Shape[], p: Box, colors: Palette): void {
  const h = p.h * 0.34
  shapes.push({ kind: 'rect', x: p.x + p.w * 0.25, y: p.y + p.h * 0.2, w: p.w * 0.5, h, color: color(0) })
  shapes.push({
    kind: 'rect',
    x: p.x + p.w * 0.35,
    y: p.y + p.h * 0.2 + h * 1.4,
    w: p.w * 0.3,
    h: h * 0.25,
    color: colors.ink,
  })
}
