import type { DataColumn, QueryData } from '../data.ts'
import type { Raster, Rect } from '../raster.ts'
import { capHeight, drawText, fitText, lineHeight, measureText } from '../text.ts'
import { formatCell, formatFor, type ValueFormat } from './format.ts'
import { COLORS, type ChartTheme } from './theme.ts'

interface GridColumn {
  header: string
  cells: string[]
  numeric: boolean
  /** Width the cells need, padding included. */
  content: number
  width: number
}

/** Looker's grid: row numbers, a shaded header, zebra rows, numbers right-aligned. */
export function drawTable(raster: Raster, data: QueryData, area: Rect, theme: ChartTheme): void {
  const rowHeight = lineHeight(theme.label) + Math.round(theme.pad / 2)
  const visibleRows = Math.max(0, Math.min(data.rows.length, Math.floor(area.height / rowHeight) - 1))
  const rows = data.rows.slice(0, visibleRows)
  const cellPad = theme.pad
  const formats = new Map<DataColumn, ValueFormat | null>(
    data.columns.map((c) => [
      c,
      c.isMeasure
        ? formatFor(
            c.name,
            data.rows.map((r) => (typeof r[c.name] === 'number' ? (r[c.name] as number) : 0)),
          )
        : null,
    ]),
  )
  const columns: GridColumn[] = [
    { header: '', cells: rows.map((_, i) => String(i + 1)), numeric: true, content: 0, width: 0 },
    ...data.columns.map((c) => ({
      header: c.label,
      cells: rows.map((r) => formatCell(r[c.name], formats.get(c) ?? null)),
      numeric: c.isMeasure || rows.every((r) => typeof r[c.name] === 'number'),
      content: 0,
      width: 0,
    })),
  ]
  const minimum = measureText('Abc…', theme.label) + cellPad * 2
  for (const column of columns) {
    column.content = Math.max(0, ...column.cells.map((t) => measureText(t, theme.label))) + cellPad * 2
    column.width = Math.max(column.content, measureText(column.header, theme.label) + cellPad * 2)
  }
  // Too wide: first cut long headers back to their column's content, then the content itself.
  let excess = columns.reduce((sum, c) => sum + c.width, 0) - area.width
  for (const floor of [(c: GridColumn) => Math.max(c.content, minimum), () => minimum]) {
    if (excess <= 0) break
    const slack = columns.reduce((sum, c) => sum + Math.max(0, c.width - floor(c)), 0)
    const share = slack > 0 ? Math.min(1, excess / slack) : 0
    for (const c of columns) c.width -= Math.max(0, c.width - floor(c)) * share
    excess -= slack * share
  }
  const tableWidth = Math.min(
    area.width,
    columns.reduce((sum, c) => sum + c.width, 0),
  )
  const textOffset = Math.round((rowHeight - capHeight(theme.label)) / 2)

  raster.withClip(area, () => {
    raster.fillRect(area.x, area.y, tableWidth, rowHeight, COLORS.headerFill)
    rows.forEach((_, r) => {
      if (r % 2 === 1)
        raster.fillRect(area.x, area.y + rowHeight * (r + 1), tableWidth, rowHeight, COLORS.zebra)
    })
    for (let r = 0; r <= rows.length + 1; r++) {
      raster.fillRect(area.x, area.y + rowHeight * r, tableWidth, 1, COLORS.border)
    }
    let x = area.x
    for (const column of columns) {
      const inner = column.width - cellPad * 2
      const header = fitText(column.header, inner, theme.label)
      drawText(
        raster,
        header,
        column.numeric ? x + column.width - cellPad : x + cellPad,
        area.y + textOffset,
        {
          scale: theme.label,
          color: COLORS.title,
          align: column.numeric ? 'right' : 'left',
        },
      )
      column.cells.forEach((cell, r) => {
        const text = fitText(cell, inner, theme.label)
        const top = area.y + rowHeight * (r + 1) + textOffset
        const color = column.header === '' ? COLORS.muted : COLORS.text
        drawText(raster, text, column.numeric ? x + column.width - cellPad : x + cellPad, top, {
          scale: theme.label,
          color,
          align: column.numeric ? 'right' : 'left',
        })
      })
      raster.fillRect(x, area.y, 1, rowHeight * (rows.length + 1) + 1, COLORS.border)
      x += column.width
    }
    raster.fillRect(x - 1, area.y, 1, rowHeight * (rows.length + 1) + 1, COLORS.border)
  })
}
