import type { Raster, Rect } from '../raster.ts'
import { capHeight, drawText, drawTextVertical, fitText, lineHeight, measureText } from '../text.ts'
import { drawCategoryLabels, drawValueAxisVertical, niceScale, project, type Scale } from './axes.ts'
import { drawHorizontalBars } from './bar.ts'
import { formatCompact } from './format.ts'
import { drawLegend, legendHeight } from './legend.ts'
import { drawVerticalMarks, type VerticalKind } from './marks.ts'
import type { ChartModel, Series } from './model.ts'
import { COLORS, type ChartTheme } from './theme.ts'

export type CartesianKind = VerticalKind | 'bar'

/** Reserves the legend (when there are several series) at the top of `area`; returns the space left. */
function placeLegend(raster: Raster, model: ChartModel, area: Rect, theme: ChartTheme): Rect {
  if (model.series.length < 2 || area.height < 120) return area
  const width = area.width - theme.pad * 2
  const height = legendHeight(model.series, width, theme)
  drawLegend(raster, model.series, area.x + theme.pad, area.y, width, theme)
  const used = height + theme.pad
  return { ...area, y: area.y + used, height: area.height - used }
}

function valuesOf(series: readonly Series[]): number[] {
  return series.flatMap((s) => s.values.filter((v): v is number => v !== null))
}

/**
 * Column, line, area and scatter charts: categories along x, values up y. A measure of a very
 * different magnitude (orders vs revenue) gets its own axis on the right instead of a flat line.
 */
function drawVertical(
  raster: Raster,
  model: ChartModel,
  kind: VerticalKind,
  area: Rect,
  theme: ChartTheme,
): boolean {
  const line = lineHeight(theme.label)
  const cap = capHeight(theme.label)
  const titles = area.width >= 360 && area.height >= 240
  const xTitleHeight = titles && model.xTitle ? line + theme.pad / 2 : 0
  const bottom = area.y + area.height - theme.pad / 2 - xTitleHeight - line
  const top = area.y + cap
  const maxTicks = Math.max(2, Math.floor((bottom - top) / (line * 2.5)))
  const secondarySeries = model.series.filter((s) => s.axis === 1)
  const primary = niceScale(valuesOf(model.series.filter((s) => s.axis === 0)), maxTicks)
  const secondary = secondarySeries.length > 0 ? niceScale(valuesOf(secondarySeries), maxTicks) : null
  const formatLeft = (n: number) => formatCompact(n, model.format)
  const formatRight = (n: number) => formatCompact(n, model.secondary?.format ?? model.format)
  const widthOf = (scale: Scale | null, format: (n: number) => string) =>
    scale ? Math.max(...scale.ticks.map((t) => measureText(format(t), theme.label))) + theme.pad : 0
  const titleWidth = (title: string | undefined) => (titles && title ? line + theme.pad / 2 : 0)
  const left = area.x + theme.pad + titleWidth(model.yTitle) + widthOf(primary, formatLeft)
  const right =
    area.x +
    area.width -
    theme.pad -
    titleWidth(secondary ? model.secondary?.title : '') -
    widthOf(secondary, formatRight)
  const plot = { x: left, y: top, width: right - left, height: bottom - top }
  if (plot.width < 8 || plot.height < 8) return false

  drawValueAxisVertical(raster, primary, plot, theme, formatLeft)
  if (secondary) {
    for (const tick of secondary.ticks) {
      const y = Math.round(project(secondary, tick, plot.y + plot.height, plot.y)) - cap / 2
      drawText(raster, formatRight(tick), right + theme.pad, y, { scale: theme.label, color: COLORS.muted })
    }
  }
  const axisTitle = (title: string, x: number) => {
    const text = fitText(title, plot.height, theme.label)
    drawTextVertical(raster, text, x, plot.y + plot.height / 2, { scale: theme.label, color: COLORS.muted })
  }
  if (titleWidth(model.yTitle) > 0) axisTitle(model.yTitle, area.x + theme.pad / 2)
  if (secondary && model.secondary && titleWidth(model.secondary.title) > 0) {
    axisTitle(model.secondary.title, area.x + area.width - theme.pad / 2 - cap - 2 * theme.label)
  }
  drawCategoryLabels(raster, model.categories, plot, bottom + theme.pad / 2, theme)
  if (xTitleHeight > 0) {
    const text = fitText(model.xTitle, plot.width, theme.label)
    const y = bottom + line + theme.pad
    drawText(raster, text, plot.x + plot.width / 2, y, {
      scale: theme.label,
      color: COLORS.muted,
      align: 'center',
    })
  }
  const scaleOf = (s: Series) => (s.axis === 1 && secondary ? secondary : primary)
  raster.withClip(plot, () => drawVerticalMarks(raster, model, kind, plot, scaleOf, theme.stroke))
  const zero = Math.round(project(primary, 0, plot.y + plot.height, plot.y))
  raster.fillRect(plot.x, zero, plot.width, 1, COLORS.axis)
  return true
}

/** Too small for axes: just the marks, edge to edge, so a thumbnail still shows the data's shape. */
function drawSparkline(raster: Raster, model: ChartModel, kind: CartesianKind, area: Rect): void {
  const scale = niceScale(valuesOf(model.series), 2)
  const vertical = kind === 'bar' ? 'column' : kind
  const stroke = Math.max(1, area.height / 40)
  raster.withClip(area, () => drawVerticalMarks(raster, model, vertical, area, () => scale, stroke))
}

export function drawCartesian(
  raster: Raster,
  model: ChartModel,
  kind: CartesianKind,
  area: Rect,
  theme: ChartTheme,
) {
  const rest = placeLegend(raster, model, area, theme)
  const drawn =
    kind === 'bar'
      ? drawHorizontalBars(raster, model, rest, theme)
      : drawVertical(raster, model, kind, rest, theme)
  if (!drawn) drawSparkline(raster, model, kind, rest)
}
