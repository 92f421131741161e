import type { QueryData } from '../data.ts'
import type { Raster, Rect } from '../raster.ts'
import { capHeight, drawText, fitText, lineHeight, scaleToFit } from '../text.ts'
import { formatCell, formatFor } from './format.ts'
import { COLORS, type ChartTheme } from './theme.ts'

/** One big number (the first measure of the first row) with its label underneath. */
export function drawSingleValue(raster: Raster, data: QueryData, area: Rect, theme: ChartTheme): void {
  const column = data.columns.find((c) => c.isMeasure) ?? data.columns[0]
  const row = data.rows[0]
  if (!column || !row) return
  const raw = row[column.name]
  const format = typeof raw === 'number' ? formatFor(column.name, [raw]) : null
  const text = formatCell(raw, format)
  const labelHeight = area.height >= 80 ? lineHeight(theme.title) + theme.pad : 0
  // Glyph height including the comma's descender, so the label never collides with it.
  const inked = (scale: number) => capHeight(scale) + 2 * scale
  const maxScale = Math.max(1, Math.floor(((area.height - labelHeight) * 0.45) / inked(1)))
  const scale = scaleToFit(text, area.width - theme.pad * 2, Math.min(maxScale, theme.label * 10))
  const top = area.y + Math.max(0, (area.height - inked(scale) - labelHeight) / 2)
  const centre = area.x + area.width / 2
  drawText(raster, fitText(text, area.width - theme.pad, scale), centre, top, {
    scale,
    color: COLORS.title,
    align: 'center',
    bold: scale >= 3,
  })
  if (labelHeight === 0) return
  const label = fitText(column.label, area.width - theme.pad * 2, theme.title)
  drawText(raster, label, centre, top + inked(scale) + theme.pad, {
    scale: theme.title,
    color: COLORS.muted,
    align: 'center',
  })
}
