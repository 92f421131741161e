import type { Raster, Rect } from '../raster.ts'
import { capHeight, drawText, fitText, lineHeight, measureText } from '../text.ts'
import { drawValueAxisHorizontal, niceScale, project } from './axes.ts'
import { formatCompact } from './format.ts'
import type { ChartModel } from './model.ts'
import { COLORS, type ChartTheme } from './theme.ts'

/**
 * Horizontal bars: categories down the left, values along the bottom (one shared value axis).
 * Returns false when the area is too small for axes, so the caller can draw a sparkline instead.
 */
export function drawHorizontalBars(
  raster: Raster,
  model: ChartModel,
  area: Rect,
  theme: ChartTheme,
): boolean {
  const line = lineHeight(theme.label)
  const cap = capHeight(theme.label)
  const format = (n: number) => formatCompact(n, model.format)
  const titles = area.width >= 360 && area.height >= 240
  const xTitleHeight = titles && model.yTitle ? line + theme.pad / 2 : 0
  const widest = Math.max(...model.categories.map((c) => measureText(c, theme.label)))
  const categoryWidth = Math.min(widest, area.width * 0.3)
  const left = area.x + theme.pad + categoryWidth + theme.pad
  const width = area.x + area.width - theme.pad * 3 - left
  const values = model.series.flatMap((s) => s.values.filter((v): v is number => v !== null))
  const scale = niceScale(values, Math.max(2, Math.floor(width / (line * 6))))
  const plot = { x: left, y: area.y, width, height: area.height - theme.pad - line - xTitleHeight }
  if (plot.width < 8 || plot.height < 8) return false

  drawValueAxisHorizontal(raster, scale, plot, theme, format)
  if (xTitleHeight > 0) {
    const text = fitText(model.yTitle, plot.width, theme.label)
    const top = plot.y + plot.height + theme.pad * 1.5 + line
    drawText(raster, text, plot.x + plot.width / 2, top, {
      scale: theme.label,
      color: COLORS.muted,
      align: 'center',
    })
  }
  const n = model.categories.length
  const band = plot.height / n
  const stride = Math.max(1, Math.ceil(line / band))
  for (let i = 0; i < n; i += stride) {
    const text = fitText(model.categories[i] ?? '', categoryWidth, theme.label)
    const top = plot.y + band * (i + 0.5) - cap / 2
    drawText(raster, text, plot.x - theme.pad, top, {
      scale: theme.label,
      color: COLORS.muted,
      align: 'right',
    })
  }
  const x = (v: number) => project(scale, v, plot.x, plot.x + plot.width)
  const zero = x(0)
  const group = band * (band >= 4 ? 0.78 : 1)
  const barHeight = group / model.series.length
  const gap = model.series.length > 1 && barHeight >= 4 ? 1 : 0
  raster.withClip(plot, () => {
    model.series.forEach((s, k) => {
      s.values.forEach((v, i) => {
        if (v === null) return
        const top = plot.y + band * i + (band - group) / 2 + barHeight * k
        raster.fillRect(Math.min(x(v), zero), top, Math.abs(x(v) - zero), barHeight - gap, s.color)
      })
    })
  })
  raster.fillRect(Math.round(zero), plot.y, 1, plot.height, COLORS.axis)
  return true
}
