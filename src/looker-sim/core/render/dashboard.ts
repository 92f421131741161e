import { drawVisualization } from './chart.ts'
import { COLORS, themeFor } from './chart/theme.ts'
import { generateQueryData, type QuerySpec } from './data.ts'
import { Raster, type Rect } from './raster.ts'
import { capHeight, drawText, fitText } from './text.ts'

export interface DashboardTile {
  title: string
  query: QuerySpec
  visType?: string | null
}

export type DashboardStyle = 'single_column' | 'tiled'

export const DASHBOARD_BACKGROUND = 0xf1f3f5

/** Columns for the tiled style: more on wide canvases, as Looker's 24-unit grid shows. */
export function tileColumns(style: DashboardStyle, width: number, tiles: number): number {
  if (style === 'single_column' || tiles <= 1) return 1
  return Math.min(tiles, width >= 1400 ? 3 : width >= 560 ? 2 : 1)
}

/** Draws one tile (white card with border) with its chart, title and data. */
export function drawTile(
  raster: Raster,
  tile: DashboardTile,
  rect: Rect,
  seed: number,
  options: { withTitle?: boolean; pixelRatio?: number } = {},
): void {
  raster.fillRect(rect.x, rect.y, rect.width, rect.height, COLORS.background)
  raster.strokeRect(rect.x, rect.y, rect.width, rect.height, COLORS.border)
  const inner = { x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2 }
  const data = generateQueryData(tile.query, seed)
  const title = options.withTitle === false ? null : tile.title
  drawVisualization(raster, { title, visType: tile.visType, data, pixelRatio: options.pixelRatio }, inner)
}

/** A whole dashboard on one canvas: a title band, then the tiles in a grid filling the rest. */
export function drawDashboard(
  raster: Raster,
  title: string,
  tiles: readonly DashboardTile[],
  style: DashboardStyle,
  seed: number,
): void {
  raster.fill(DASHBOARD_BACKGROUND)
  const theme = themeFor({ x: 0, y: 0, width: raster.width, height: raster.height })
  const gap = Math.max(4, theme.pad)
  const titleScale = theme.title + (raster.width >= 1000 ? 1 : 0)
  const bandHeight = capHeight(titleScale) + gap * 2
  raster.fillRect(0, 0, raster.width, bandHeight, COLORS.background)
  raster.fillRect(0, bandHeight, raster.width, 1, COLORS.border)
  const text = fitText(title, raster.width - gap * 2, titleScale, true)
  drawText(raster, text, gap, gap, { scale: titleScale, color: COLORS.title, bold: true })
  if (tiles.length === 0) {
    drawText(raster, 'No tiles', raster.width / 2, raster.height / 2, {
      scale: theme.title,
      color: COLORS.muted,
      align: 'center',
    })
    return
  }
  const columns = tileColumns(style, raster.width, tiles.length)
  const rows = Math.ceil(tiles.length / columns)
  const top = bandHeight + gap
  const tileWidth = (raster.width - gap * (columns + 1)) / columns
  const tileHeight = (raster.height - top - gap * rows) / rows
  if (tileWidth < 2 || tileHeight < 2) return
  tiles.forEach((tile, i) => {
    const rect = {
      x: Math.round(gap + (i % columns) * (tileWidth + gap)),
      y: Math.round(top + Math.floor(i / columns) * (tileHeight + gap)),
      width: Math.round(tileWidth),
      height: Math.round(tileHeight),
    }
    drawTile(raster, tile, rect, seed)
  })
}
