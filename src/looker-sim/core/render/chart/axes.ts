import type { Raster, Rect } from '../raster.ts'
import { capHeight, drawText, fitText, measureText } from '../text.ts'
import { COLORS, type ChartTheme } from './theme.ts'

export interface Scale {
  min: number
  max: number
  ticks: number[]
}

/** A "nice" linear scale that always includes zero, with steps of 1, 2, 2.5 or 5 × 10^k. */
export function niceScale(values: readonly number[], maxTicks: number): Scale {
  let low = Math.min(0, ...values)
  let high = Math.max(0, ...values)
  if (low === high) high = low + 1
  const raw = (high - low) / Math.max(1, maxTicks)
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const normalized = raw / magnitude
  const step =
    (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10) *
    magnitude
  low = Math.floor(low / step + 1e-9) * step
  high = Math.ceil(high / step - 1e-9) * step
  const ticks: number[] = []
  for (let t = low; t <= high + step / 2; t += step) ticks.push(Math.abs(t) < step / 1e6 ? 0 : t)
  return { min: low, max: high, ticks }
}

/** Maps a value to a pixel coordinate along [start, end] (end may be smaller, for y axes). */
export function project(scale: Scale, value: number, start: number, end: number): number {
  return start + ((value - scale.min) / (scale.max - scale.min)) * (end - start)
}

/**
 * Category labels centred under (or beside) equal bands. Labels that would collide are thinned to
 * every n-th one, and each is truncated to the room it has.
 */
export function drawCategoryLabels(
  raster: Raster,
  labels: readonly string[],
  plot: Rect,
  top: number,
  theme: ChartTheme,
): void {
  const n = labels.length
  if (n === 0) return
  const band = plot.width / n
  const gap = theme.pad
  const widest = Math.max(...labels.map((l) => measureText(l, theme.label)))
  // Show labels at a regular stride so the axis reads like a ruler (every month, every third month…).
  const stride = Math.max(1, Math.ceil((Math.min(widest, plot.width / 3) + gap) / band))
  const room = band * stride - gap
  let previousRight = -Infinity
  for (let i = 0; i < n; i += stride) {
    const text = fitText(labels[i] ?? '', room, theme.label)
    const center = plot.x + band * (i + 0.5)
    const width = measureText(text, theme.label)
    // Keep the first and last labels inside the chart instead of clipping them at its edges…
    const x = Math.min(
      Math.max(center - width / 2, theme.rect.x + 1),
      theme.rect.x + theme.rect.width - width - 1,
    )
    // …and drop one that the nudge pushed into its neighbour.
    if (x < previousRight + gap / 2) continue
    drawText(raster, text, x, top, { scale: theme.label, color: COLORS.muted })
    previousRight = x + width
  }
}

/** Horizontal gridlines with value labels right-aligned against the plot's left edge. */
export function drawValueAxisVertical(
  raster: Raster,
  scale: Scale,
  plot: Rect,
  theme: ChartTheme,
  format: (n: number) => string,
): void {
  for (const tick of scale.ticks) {
    const y = Math.round(project(scale, tick, plot.y + plot.height, plot.y))
    raster.fillRect(plot.x, y, plot.width, 1, tick === 0 ? COLORS.axis : COLORS.grid)
    const label = format(tick)
    drawText(raster, label, plot.x - theme.pad, y - capHeight(theme.label) / 2, {
      scale: theme.label,
      color: COLORS.muted,
      align: 'right',
    })
  }
}

/** Vertical gridlines with value labels centred below the plot (for horizontal bar charts). */
export function drawValueAxisHorizontal(
  raster: Raster,
  scale: Scale,
  plot: Rect,
  theme: ChartTheme,
  format: (n: number) => string,
): void {
  const labels = scale.ticks.map(format)
  const widest = Math.max(...labels.map((l) => measureText(l, theme.label)))
  const spacing = plot.width / Math.max(1, scale.ticks.length - 1)
  const stride = Math.max(1, Math.ceil((widest + theme.pad * 2) / spacing))
  scale.ticks.forEach((tick, i) => {
    const x = Math.round(project(scale, tick, plot.x, plot.x + plot.width))
    raster.fillRect(x, plot.y, 1, plot.height, tick === 0 ? COLORS.axis : COLORS.grid)
    if (i % stride !== 0) return
    drawText(raster, labels[i] ?? '', x, plot.y + plot.height + theme.pad, {
      scale: theme.label,
      color: COLORS.muted,
      align: 'center',
    })
  })
}
