import { drawCartesian, type CartesianKind } from './chart/cartesian.ts'
import { buildModel } from './chart/model.ts'
import { drawPie } from './chart/pie.ts'
import { drawSingleValue } from './chart/single-value.ts'
import { drawTable } from './chart/table.ts'
import { COLORS, themeFor } from './chart/theme.ts'
import type { QueryData } from './data.ts'
import type { Raster, Rect } from './raster.ts'
import { capHeight, drawText, fitText, lineHeight } from './text.ts'

export type VisType = CartesianKind | 'pie' | 'donut' | 'table' | 'single_value'

/** Looker vis_config types (and their short names) mapped to what we can draw. */
const VIS_ALIASES: Record<string, VisType> = {
  looker_column: 'column',
  looker_bar: 'bar',
  looker_line: 'line',
  looker_area: 'area',
  looker_scatter: 'scatter',
  looker_pie: 'pie',
  looker_donut_multiples: 'donut',
  looker_grid: 'table',
  looker_single_record: 'table',
  table: 'table',
  single_value: 'single_value',
  looker_single_value: 'single_value',
  column: 'column',
  bar: 'bar',
  line: 'line',
  area: 'area',
  scatter: 'scatter',
  pie: 'pie',
  donut: 'donut',
  grid: 'table',
}

/** The drawable type for a vis_config type, or null when unknown (the renderer then picks one). */
export function normalizeVisType(type: string | null | undefined): VisType | null {
  return VIS_ALIASES[(type ?? '').toLowerCase().trim()] ?? null
}

export interface VisualizationSpec {
  title?: string | null
  visType?: string | null
  data: QueryData
  /** Raster pixels per layout pixel (2 for print-quality PDF tiles); default 1. */
  pixelRatio?: number
}

/** What to draw when the vis type is unknown: a column chart if there is anything to plot, else a table. */
function autoType(data: QueryData): VisType {
  const hasMeasure = data.columns.some((c) => c.isMeasure)
  const hasDimension = data.columns.some((c) => !c.isMeasure)
  if (hasMeasure && !hasDimension && data.rows.length === 1) return 'single_value'
  return hasMeasure && hasDimension ? 'column' : 'table'
}

/** What `drawVisualization` ended up drawing: a chart type, "No results", or nothing (box too small). */
export type DrawnVisualization = VisType | 'no_results' | 'nothing'

/**
 * Draws a Look's visualization — title on top, then the chart — into `rect` (default: the whole
 * raster). Works from 100×100 thumbnails to 4096×4096 posters; with no rows it says "No results".
 * Unknown vis types fall back to a column chart or table; a chart without measures becomes a table.
 */
export function drawVisualization(raster: Raster, spec: VisualizationSpec, rect?: Rect): DrawnVisualization {
  const box = rect ?? { x: 0, y: 0, width: raster.width, height: raster.height }
  const theme = themeFor(box, spec.pixelRatio)
  return raster.withClip(box, (): DrawnVisualization => {
    let top = box.y + theme.pad
    const title = spec.title?.trim()
    if (title && box.height >= 48) {
      const text = fitText(title, box.width - theme.pad * 2, theme.title, true)
      drawText(raster, text, box.x + theme.pad, top, { scale: theme.title, color: COLORS.title, bold: true })
      top += capHeight(theme.title) + theme.pad * 1.5
    }
    const area: Rect = { x: box.x, y: top, width: box.width, height: box.y + box.height - theme.pad - top }
    if (area.height < 4) return 'nothing'
    if (spec.data.rows.length === 0 || spec.data.columns.length === 0) {
      const text = fitText('No results', area.width - theme.pad * 2, theme.title)
      const y = area.y + area.height / 2 - lineHeight(theme.title) / 2
      drawText(raster, text, area.x + area.width / 2, y, {
        scale: theme.title,
        color: COLORS.muted,
        align: 'center',
      })
      return 'no_results'
    }
    const wanted = normalizeVisType(spec.visType) ?? autoType(spec.data)
    const model = wanted === 'table' || wanted === 'single_value' ? null : buildModel(spec.data)
    const type = model || wanted === 'single_value' ? wanted : 'table'
    const inset: Rect = { ...area, x: area.x + theme.pad, width: area.width - theme.pad * 2 }
    if (type === 'table') drawTable(raster, spec.data, inset, theme)
    else if (type === 'single_value') drawSingleValue(raster, spec.data, inset, theme)
    else if (!model) return 'nothing'
    else if (type === 'pie' || type === 'donut') drawPie(raster, model, inset, theme, type === 'donut')
    else drawCartesian(raster, model, type, area, theme)
    return type
  })
}
