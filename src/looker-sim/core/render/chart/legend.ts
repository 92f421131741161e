import type { Raster, Rgb } from '../raster.ts'
import { capHeight, drawText, fitText, lineHeight, measureText } from '../text.ts'
import { COLORS, type ChartTheme } from './theme.ts'

export interface LegendItem {
  name: string
  color: Rgb
}

interface Placed {
  item: LegendItem
  text: string
  x: number
  row: number
}

/** Lays items out in centred rows within `width`; items past `maxRows` are summarised as "+N more". */
function layout(items: readonly LegendItem[], width: number, theme: ChartTheme, maxRows: number) {
  const swatch = capHeight(theme.label)
  const gap = theme.pad * 2
  const rows: Placed[][] = [[]]
  let x = 0
  let dropped = 0
  for (const item of items) {
    const text = fitText(item.name, Math.max(0, width - swatch - theme.pad), theme.label)
    const itemWidth = swatch + theme.pad + measureText(text, theme.label)
    if (x > 0 && x + itemWidth > width) {
      if (rows.length === maxRows) {
        dropped = items.length - rows.flat().length
        break
      }
      rows.push([])
      x = 0
    }
    rows[rows.length - 1]?.push({ item, text, x, row: rows.length - 1 })
    x += itemWidth + gap
  }
  return { rows, dropped }
}

/** Height a horizontal legend needs, so charts can reserve it before drawing. */
export function legendHeight(
  items: readonly LegendItem[],
  width: number,
  theme: ChartTheme,
  maxRows = 2,
): number {
  if (items.length === 0) return 0
  const { rows, dropped } = layout(items, width, theme, maxRows)
  return (rows.length + (dropped > 0 ? 1 : 0)) * lineHeight(theme.label)
}

/** A horizontal legend of colour swatches and names, centred in [x, x + width]. */
export function drawLegend(
  raster: Raster,
  items: readonly LegendItem[],
  x: number,
  y: number,
  width: number,
  theme: ChartTheme,
  maxRows = 2,
): void {
  const { rows, dropped } = layout(items, width, theme, maxRows)
  const swatch = capHeight(theme.label)
  const line = lineHeight(theme.label)
  rows.forEach((row, r) => {
    const last = row[row.length - 1]
    if (!last) return
    const rowWidth = last.x + swatch + theme.pad + measureText(last.text, theme.label)
    const left = x + Math.max(0, (width - rowWidth) / 2)
    for (const placed of row) {
      const top = y + r * line
      raster.fillRect(left + placed.x, top, swatch, swatch, placed.item.color)
      drawText(raster, placed.text, left + placed.x + swatch + theme.pad, top, {
        scale: theme.label,
        color: COLORS.text,
      })
    }
  })
  if (dropped > 0) {
    drawText(raster, `+${dropped} more`, x + width / 2, y + rows.length * line, {
      scale: theme.label,
      color: COLORS.muted,
      align: 'center',
    })
  }
}
