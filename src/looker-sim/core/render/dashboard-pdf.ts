import { drawTile, type DashboardStyle, type DashboardTile } from './dashboard.ts'
import { COLORS } from './chart/theme.ts'
import { encodeJpeg } from './jpeg.ts'
import { fitPdfText } from './pdf-fonts.ts'
import { PdfDocument, type PdfPage } from './pdf.ts'
import { Raster } from './raster.ts'
import { MAX_RENDER_SIZE } from './errors.ts'

/** Chart rasters get this many pixels per PDF point (216 dpi): sharp in print, modest in size. */
const PIXELS_PER_POINT = 3
/** …laid out at 1.5 px per point, so chart text prints at about the size of the tile titles. */
const PIXEL_RATIO = 2

interface Placement {
  tile: DashboardTile
  page: number
  x: number
  y: number
  width: number
  height: number
}

/**
 * A dashboard as a paged PDF: the title on the first page, tiles flowing down in one column
 * ('single_column') or a grid ('tiled'), each tile a vector title over a JPEG of its chart, and a
 * page footer. Sizes scale with the paper so A0 is not a postage stamp in the corner.
 */
export function buildDashboardPdf(
  title: string,
  tiles: readonly DashboardTile[],
  page: { width: number; height: number },
  style: DashboardStyle,
  seed: number,
): Uint8Array {
  const k = Math.min(4, Math.max(0.7, Math.min(page.width, page.height) / 612))
  const margin = 36 * k
  const gap = 12 * k
  const titleSize = 18 * k
  const tileTitleSize = 10 * k
  const footerSize = 8 * k
  const contentWidth = page.width - margin * 2
  const bottomLimit = page.height - margin - footerSize * 2
  const headerBottom = margin + titleSize * 1.6

  const columns =
    style === 'single_column' ? 1 : Math.max(1, Math.min(tiles.length, contentWidth / k >= 700 ? 3 : 2))
  const tileWidth = (contentWidth - gap * (columns - 1)) / columns
  const tileHeight = Math.min(tileWidth * (columns === 1 ? 0.5 : 0.72), bottomLimit - margin)

  const placements: Placement[] = []
  let pageIndex = 0
  let y = headerBottom + gap
  tiles.forEach((tile, i) => {
    const column = i % columns
    if (column === 0 && i > 0) y += tileHeight + gap
    if (column === 0 && y + tileHeight > bottomLimit) {
      pageIndex++
      y = margin
    }
    placements.push({
      tile,
      page: pageIndex,
      x: margin + column * (tileWidth + gap),
      y,
      width: tileWidth,
      height: tileHeight,
    })
  })

  const doc = new PdfDocument()
  const pages: PdfPage[] = []
  for (let p = 0; p <= pageIndex; p++) pages.push(doc.addPage(page.width, page.height))
  const first = pages[0] as PdfPage
  first.text(fitPdfText(title, contentWidth, titleSize, true), margin, margin + titleSize, titleSize, {
    bold: true,
    color: COLORS.title,
  })
  first.rect(margin, headerBottom - 0.5 * k, contentWidth, 0.75 * k, { fill: COLORS.border })
  if (tiles.length === 0) {
    first.text('This dashboard has no tiles.', margin, headerBottom + gap * 2, tileTitleSize, {
      color: COLORS.muted,
    })
  }

  for (const placement of placements) {
    const target = pages[placement.page] as PdfPage
    const { x, width, height } = placement
    const top = placement.y
    target.rect(x, top, width, height, {
      fill: COLORS.background,
      stroke: COLORS.border,
      lineWidth: 0.75 * k,
    })
    const inset = 8 * k
    const titleText = fitPdfText(placement.tile.title, width - inset * 2, tileTitleSize, true)
    target.text(titleText, x + inset, top + inset + tileTitleSize * 0.8, tileTitleSize, {
      bold: true,
      color: COLORS.title,
    })
    const chartTop = top + inset + tileTitleSize * 1.4
    const box = {
      x: x + inset,
      y: chartTop,
      width: width - inset * 2,
      height: top + height - inset - chartTop,
    }
    if (box.width < 4 || box.height < 4) continue
    const pixels = (points: number) =>
      Math.max(16, Math.min(MAX_RENDER_SIZE, Math.round(points * PIXELS_PER_POINT)))
    const raster = new Raster(pixels(box.width), pixels(box.height))
    // The card already carries the title, so the chart is drawn without one and without a border.
    drawTile(
      raster,
      placement.tile,
      { x: -1, y: -1, width: raster.width + 2, height: raster.height + 2 },
      seed,
      {
        withTitle: false,
        pixelRatio: PIXEL_RATIO,
      },
    )
    const jpeg = { bytes: encodeJpeg(raster, { quality: 90 }), width: raster.width, height: raster.height }
    target.image(jpeg, box.x, box.y, box.width, box.height)
  }

  pages.forEach((p, i) => {
    const footer = `${fitPdfText(title, contentWidth * 0.6, footerSize)}  ·  Page ${i + 1} of ${pages.length}`
    p.text(footer, page.width / 2, page.height - margin / 2 - footerSize / 2, footerSize, {
      align: 'center',
      color: COLORS.muted,
    })
  })
  return doc.toBytes({ title })
}
