import type { Point, Raster, Rect } from '../raster.ts'
import { project, type Scale } from './axes.ts'
import type { ChartModel, Series } from './model.ts'

export type VerticalKind = 'column' | 'line' | 'area' | 'scatter'

const AREA_OPACITY = 0.3

/**
 * The marks of a column, line, area or scatter chart inside `plot`; `scaleOf` gives each series its
 * value axis (the secondary one for a measure of a very different magnitude).
 */
export function drawVerticalMarks(
  raster: Raster,
  model: ChartModel,
  kind: VerticalKind,
  plot: Rect,
  scaleOf: (series: Series) => Scale,
  stroke: number,
): void {
  const n = model.categories.length
  const band = plot.width / n
  const yOf = (scale: Scale) => (v: number) => project(scale, v, plot.y + plot.height, plot.y)
  if (kind === 'column') {
    const group = band * (band >= 4 ? 0.78 : 1)
    const barWidth = group / model.series.length
    const gap = model.series.length > 1 && barWidth >= 4 ? 1 : 0
    model.series.forEach((s, k) => {
      const y = yOf(scaleOf(s))
      const zero = y(0)
      s.values.forEach((v, i) => {
        if (v === null) return
        const x = plot.x + band * i + (band - group) / 2 + barWidth * k
        raster.fillRect(x, Math.min(y(v), zero), barWidth - gap, Math.abs(zero - y(v)), s.color)
      })
    })
    return
  }
  const markers = band >= stroke * 6 && n <= 60
  for (const s of model.series) {
    const y = yOf(scaleOf(s))
    const zero = y(0)
    // Nulls break the line: Looker draws gaps rather than inventing values.
    const runs: Point[][] = [[]]
    s.values.forEach((v, i) => {
      if (v === null) runs.push([])
      else runs[runs.length - 1]?.push({ x: plot.x + band * (i + 0.5), y: y(v) })
    })
    for (const run of runs) {
      if (run.length === 0) continue
      if (kind === 'area' && run.length > 1) {
        const firstX = run[0]?.x ?? 0
        const lastX = run[run.length - 1]?.x ?? 0
        raster.fillPolygon([[{ x: firstX, y: zero }, ...run, { x: lastX, y: zero }]], s.color, AREA_OPACITY)
      }
      if (kind !== 'scatter') raster.strokePolyline(run, stroke, s.color)
      if (kind === 'scatter' || markers || run.length === 1) {
        const radius = kind === 'scatter' ? stroke * 1.8 : stroke * 1.5
        for (const p of run) raster.fillCircle(p.x, p.y, radius, s.color)
      }
    }
  }
}
