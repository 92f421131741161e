import type { Point } from './raster.ts'

/** Polygon approximations of arcs and circles, fine enough that their chords are sub-pixel. */
function segmentsFor(radius: number, sweep: number): number {
  return Math.max(2, Math.ceil((Math.min(720, Math.max(24, radius * 1.5)) * sweep) / (2 * Math.PI)))
}

export function arcPoints(cx: number, cy: number, radius: number, start: number, end: number): Point[] {
  const n = segmentsFor(radius, end - start)
  const points: Point[] = []
  for (let i = 0; i <= n; i++) {
    const angle = start + ((end - start) * i) / n
    points.push({ x: cx + Math.sin(angle) * radius, y: cy - Math.cos(angle) * radius })
  }
  return points
}

/** Circles are clockwise on screen, the same orientation `oriented` gives quads, so unions work. */
export function circleContour(cx: number, cy: number, radius: number): Point[] {
  const points = arcPoints(cx, cy, radius, 0, 2 * Math.PI)
  points.pop()
  return points
}

/** The contour wound clockwise on screen (positive area), so nonzero unions of pieces work. */
export function oriented(points: Point[]): Point[] {
  let area = 0
  for (let i = 0; i < points.length; i++) {
    const a = points[i] as Point
    const b = points[(i + 1) % points.length] as Point
    area += a.x * b.y - b.x * a.y
  }
  return area < 0 ? points.reverse() : points
}
