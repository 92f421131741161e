import type { Point } from './raster.ts'

/** Vertical sub-samples per pixel row; 4 gives smooth edges at a low cost (text asks for more). */
const SUBSAMPLES = 4

export interface Clip {
  x0: number
  y0: number
  x1: number
  y1: number
}

interface Edge {
  x0: number
  y0: number
  y1: number
  slope: number
  dir: number
}

/**
 * Scan-converts contours with the nonzero winding rule and reports every pixel inside `clip` that
 * they cover, with its coverage in (0, 1]: exact horizontally, 4× supersampled vertically. An active
 * edge list and per-row touched intervals keep thin shapes (lines, glyph chamfers) cheap.
 */
export function scanPolygon(
  contours: readonly (readonly Point[])[],
  clip: Clip,
  visit: (x: number, y: number, coverage: number) => void,
  subsamples = SUBSAMPLES,
): void {
  const edges: Edge[] = []
  let minY = Infinity
  let maxY = -Infinity
  let minX = Infinity
  let maxX = -Infinity
  for (const contour of contours) {
    for (let i = 0; i < contour.length; i++) {
      const a = contour[i]
      const b = contour[(i + 1) % contour.length]
      if (!a || !b) continue
      minX = Math.min(minX, a.x)
      maxX = Math.max(maxX, a.x)
      if (a.y === b.y || !Number.isFinite(a.x + a.y + b.x + b.y)) continue
      const down = a.y < b.y
      const top = down ? a : b
      const bottom = down ? b : a
      edges.push({
        x0: top.x,
        y0: top.y,
        y1: bottom.y,
        slope: (bottom.x - top.x) / (bottom.y - top.y),
        dir: down ? 1 : -1,
      })
      minY = Math.min(minY, top.y)
      maxY = Math.max(maxY, bottom.y)
    }
  }
  const cx0 = Math.max(clip.x0, Math.floor(minX))
  const cx1 = Math.min(clip.x1, Math.ceil(maxX) + 1)
  const rowStart = Math.max(clip.y0, Math.floor(minY))
  const rowEnd = Math.min(clip.y1, Math.ceil(maxY))
  if (edges.length === 0 || cx0 >= cx1 || rowStart >= rowEnd) return
  edges.sort((p, q) => p.y0 - q.y0)

  const span = cx1 - cx0
  const partial = new Float32Array(span + 1)
  const runs = new Float32Array(span + 1)
  const weight = 1 / subsamples
  // Touched [start, end] pixel intervals of the current row, so thin shapes cost per pixel covered,
  // not per pixel of their bounding box.
  const touched: number[] = []
  const addSpan = (xa: number, xb: number) => {
    xa = Math.max(xa, cx0) - cx0
    xb = Math.min(xb, cx1) - cx0
    if (xb <= xa) return
    const ia = Math.floor(xa)
    const ib = Math.min(span - 1, Math.floor(xb))
    touched.push(ia, ib)
    if (ia === ib) {
      partial[ia] = (partial[ia] ?? 0) + (xb - xa) * weight
      return
    }
    partial[ia] = (partial[ia] ?? 0) + (ia + 1 - xa) * weight
    runs[ia + 1] = (runs[ia + 1] ?? 0) + weight
    runs[ib] = (runs[ib] ?? 0) - weight
    partial[ib] = (partial[ib] ?? 0) + (xb - ib) * weight
  }

  let next = 0
  const active: Edge[] = []
  const xs: number[] = []
  const dirs: number[] = []
  for (let py = rowStart; py < rowEnd; py++) {
    touched.length = 0
    for (let s = 0; s < subsamples; s++) {
      const sy = py + (s + 0.5) * weight
      while (next < edges.length && (edges[next]?.y0 ?? Infinity) <= sy) active.push(edges[next++] as Edge)
      // Drop finished edges in place and collect crossings, insertion-sorted by x (there are few).
      let kept = 0
      xs.length = 0
      dirs.length = 0
      for (const e of active) {
        if (e.y1 <= sy) continue
        active[kept++] = e
        if (e.y0 > sy) continue
        const x = e.x0 + (sy - e.y0) * e.slope
        let j = xs.length
        while (j > 0 && (xs[j - 1] ?? 0) > x) {
          xs[j] = xs[j - 1] ?? 0
          dirs[j] = dirs[j - 1] ?? 0
          j--
        }
        xs[j] = x
        dirs[j] = e.dir
      }
      active.length = kept
      let winding = 0
      let startX = 0
      for (let k = 0; k < xs.length; k++) {
        const before = winding
        winding += dirs[k] ?? 0
        if (before === 0 && winding !== 0) startX = xs[k] ?? 0
        else if (before !== 0 && winding === 0) addSpan(startX, xs[k] ?? 0)
      }
    }
    emitRow(py, cx0, touched, partial, runs, visit)
  }
}

/** Reports one row's coverage over its touched intervals (merged where they overlap), then clears them. */
function emitRow(
  py: number,
  cx0: number,
  touched: number[],
  partial: Float32Array,
  runs: Float32Array,
  visit: (x: number, y: number, coverage: number) => void,
): void {
  const order: number[] = []
  for (let k = 0; k < touched.length; k += 2) order.push(k)
  order.sort((p, q) => (touched[p] ?? 0) - (touched[q] ?? 0))
  let i = 0
  for (let k = 0; k < order.length; k++) {
    const start = Math.max(i, touched[order[k] ?? 0] ?? 0)
    let end = touched[(order[k] ?? 0) + 1] ?? 0
    // Extend through overlapping intervals so the running sum is never cut mid-span.
    while (k + 1 < order.length && (touched[order[k + 1] ?? 0] ?? 0) <= end) {
      end = Math.max(end, touched[(order[++k] ?? 0) + 1] ?? 0)
    }
    // Each span's +/- run markers lie inside its interval, so every interval's running sum starts at 0.
    let run = 0
    for (i = start; i <= end; i++) {
      run += runs[i] ?? 0
      const coverage = Math.min(1, run + (partial[i] ?? 0))
      if (coverage > 0.002) visit(cx0 + i, py, coverage)
      partial[i] = 0
      runs[i] = 0
    }
  }
}
