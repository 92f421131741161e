import { arcPoints, circleContour, oriented } from './geometry.ts'
import { scanPolygon, type Clip } from './polygon.ts'

/** Colours are 0xRRGGBB numbers; alpha is a separate 0..1 factor so the raster itself stays opaque. */
export type Rgb = number

export interface Point {
  x: number
  y: number
}

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/**
 * An opaque RGBA raster with anti-aliased vector primitives. Everything composes through `fillPolygon`
 * (nonzero winding, exact horizontal coverage, 4× vertical supersampling), so lines, circles and pie
 * wedges share one well-tested code path. A clip rectangle lets charts draw into one tile of a dashboard.
 */
export class Raster {
  readonly width: number
  readonly height: number
  readonly data: Uint8ClampedArray
  private clip: Clip

  constructor(width: number, height: number, background: Rgb = 0xffffff) {
    this.width = width
    this.height = height
    this.data = new Uint8ClampedArray(width * height * 4)
    this.clip = { x0: 0, y0: 0, x1: width, y1: height }
    this.fill(background)
  }

  fill(color: Rgb): void {
    const r = (color >> 16) & 255
    const g = (color >> 8) & 255
    const b = color & 255
    const word = new Uint32Array(this.data.buffer, this.data.byteOffset, this.width * this.height)
    // Uint32 views are little-endian on every platform we target (x86, ARM), so RGBA packs as ABGR.
    word.fill(((255 << 24) | (b << 16) | (g << 8) | r) >>> 0)
  }

  /** Runs `draw` with drawing restricted to `rect` (intersected with any current clip). */
  withClip<T>(rect: Rect, draw: () => T): T {
    const saved = this.clip
    this.clip = {
      x0: Math.max(saved.x0, Math.floor(rect.x)),
      y0: Math.max(saved.y0, Math.floor(rect.y)),
      x1: Math.min(saved.x1, Math.ceil(rect.x + rect.width)),
      y1: Math.min(saved.y1, Math.ceil(rect.y + rect.height)),
    }
    try {
      return draw()
    } finally {
      this.clip = saved
    }
  }

  getPixel(x: number, y: number): [number, number, number, number] {
    const i = (y * this.width + x) * 4
    const d = this.data
    return [d[i] ?? 0, d[i + 1] ?? 0, d[i + 2] ?? 0, d[i + 3] ?? 0]
  }

  /** Blends one pixel; callers have already clipped. */
  private blend(index: number, r: number, g: number, b: number, alpha: number): void {
    const d = this.data
    if (alpha >= 1) {
      d[index] = r
      d[index + 1] = g
      d[index + 2] = b
      return
    }
    const dr = d[index] ?? 0
    const dg = d[index + 1] ?? 0
    const db = d[index + 2] ?? 0
    d[index] = dr + (r - dr) * alpha
    d[index + 1] = dg + (g - dg) * alpha
    d[index + 2] = db + (b - db) * alpha
  }

  /** A pixel-aligned rectangle (edges rounded to the grid so bars and gridlines stay crisp). */
  fillRect(x: number, y: number, width: number, height: number, color: Rgb, alpha = 1): void {
    let x0 = Math.round(x)
    let x1 = Math.round(x + width)
    let y0 = Math.round(y)
    let y1 = Math.round(y + height)
    // Never let a thin but non-empty shape vanish: a 0.4px bar among 2,000 still deserves a pixel.
    if (width > 0 && x1 === x0) x1 = x0 + 1
    if (height > 0 && y1 === y0) y1 = y0 + 1
    x0 = Math.max(x0, this.clip.x0)
    y0 = Math.max(y0, this.clip.y0)
    x1 = Math.min(x1, this.clip.x1)
    y1 = Math.min(y1, this.clip.y1)
    if (x0 >= x1 || y0 >= y1 || alpha <= 0) return
    const r = (color >> 16) & 255
    const g = (color >> 8) & 255
    const b = color & 255
    for (let py = y0; py < y1; py++) {
      let i = (py * this.width + x0) * 4
      for (let px = x0; px < x1; px++, i += 4) this.blend(i, r, g, b, alpha)
    }
  }

  /** Outline of a pixel-aligned rectangle, `thickness` pixels inside its bounds. */
  strokeRect(x: number, y: number, width: number, height: number, color: Rgb, thickness = 1): void {
    this.fillRect(x, y, width, thickness, color)
    this.fillRect(x, y + height - thickness, width, thickness, color)
    this.fillRect(x, y + thickness, thickness, height - 2 * thickness, color)
    this.fillRect(x + width - thickness, y + thickness, thickness, height - 2 * thickness, color)
  }

  /** Fills one or more contours with the nonzero rule, anti-aliased (see polygon.ts). */
  fillPolygon(contours: readonly (readonly Point[])[], color: Rgb, alpha = 1, subsamples?: number): void {
    if (alpha <= 0) return
    const r = (color >> 16) & 255
    const g = (color >> 8) & 255
    const b = color & 255
    scanPolygon(
      contours,
      this.clip,
      (x, y, coverage) => this.blend((y * this.width + x) * 4, r, g, b, coverage * alpha),
      subsamples,
    )
  }

  /** A thick polyline with round joins and caps; the pieces are unioned so nothing is painted twice. */
  strokePolyline(points: readonly Point[], width: number, color: Rgb, alpha = 1): void {
    const half = Math.max(0.5, width / 2)
    const contours: Point[][] = []
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i] as Point
      const b = points[i + 1] as Point
      const len = Math.hypot(b.x - a.x, b.y - a.y)
      if (len === 0) continue
      const nx = (-(b.y - a.y) / len) * half
      const ny = ((b.x - a.x) / len) * half
      contours.push(
        oriented([
          { x: a.x + nx, y: a.y + ny },
          { x: b.x + nx, y: b.y + ny },
          { x: b.x - nx, y: b.y - ny },
          { x: a.x - nx, y: a.y - ny },
        ]),
      )
    }
    if (width >= 2) for (const p of points) contours.push(circleContour(p.x, p.y, half))
    this.fillPolygon(contours, color, alpha)
  }

  line(x0: number, y0: number, x1: number, y1: number, width: number, color: Rgb, alpha = 1): void {
    this.strokePolyline(
      [
        { x: x0, y: y0 },
        { x: x1, y: y1 },
      ],
      width,
      color,
      alpha,
    )
  }

  fillCircle(cx: number, cy: number, radius: number, color: Rgb, alpha = 1): void {
    if (radius > 0) this.fillPolygon([circleContour(cx, cy, radius)], color, alpha)
  }

  /**
   * A pie or donut wedge. Angles are radians clockwise from 12 o'clock, as pie charts are read.
   * With `innerRadius` > 0 the wedge becomes a ring segment.
   */
  fillWedge(
    cx: number,
    cy: number,
    radius: number,
    start: number,
    end: number,
    color: Rgb,
    innerRadius = 0,
  ): void {
    if (radius <= 0 || end <= start) return
    const outer = arcPoints(cx, cy, radius, start, end)
    const inner = innerRadius > 0 ? arcPoints(cx, cy, innerRadius, start, end).reverse() : [{ x: cx, y: cy }]
    this.fillPolygon([[...outer, ...inner]], color)
  }
}
