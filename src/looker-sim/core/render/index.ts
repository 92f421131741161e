/**
 * The simulated Looker's renderer: real PNG, JPEG and PDF bytes of a Look or dashboard, drawn by a
 * pure-TypeScript rasterizer from deterministic query data (docs/decisions/0004-sim-renderer.md).
 */
import { drawVisualization } from './chart.ts'
import { drawDashboard, type DashboardStyle, type DashboardTile } from './dashboard.ts'
import { buildDashboardPdf } from './dashboard-pdf.ts'
import { generateQueryData, type QuerySpec } from './data.ts'
import { checkDimension, RenderInputError } from './errors.ts'
import { loadFonts } from './font/index.ts'
import { encodeJpeg } from './jpeg.ts'
import { isPaperSize, pageSize, type PaperSize } from './pdf.ts'
import { encodePng } from './png.ts'
import { Raster } from './raster.ts'

export {
  drawVisualization,
  normalizeVisType,
  type DrawnVisualization,
  type VisType,
  type VisualizationSpec,
} from './chart.ts'
export type { DashboardStyle, DashboardTile } from './dashboard.ts'
export {
  DEFAULT_LIMIT,
  fieldLabel,
  generateQueryData,
  isMeasureField,
  MAX_LIMIT,
  type DataColumn,
  type DataRow,
  type QueryData,
  type QuerySpec,
} from './data.ts'
export { MAX_RENDER_SIZE, MIN_RENDER_SIZE, RenderInputError } from './errors.ts'
export { loadFonts } from './font/index.ts'
export { encodeJpeg, type JpegOptions } from './jpeg.ts'
export { isPaperSize, PAPER_SIZES, pageSize, type PaperSize } from './pdf.ts'
export { encodePng } from './png.ts'
export { Raster } from './raster.ts'

export type ImageFormat = 'png' | 'jpg'

export interface RenderedImage {
  bytes: Uint8Array
  contentType: 'image/png' | 'image/jpeg'
}

export interface RenderedPdf {
  bytes: Uint8Array
  contentType: 'application/pdf'
}

export interface LookImageRequest {
  title: string
  query: QuerySpec
  visType?: string | null
  width: number
  height: number
  format: ImageFormat
  seed: number
}

export interface DashboardImageRequest {
  title: string
  tiles: readonly DashboardTile[]
  width: number
  height: number
  format: ImageFormat
  style?: DashboardStyle
  seed: number
}

export interface DashboardPdfRequest {
  title: string
  tiles: readonly DashboardTile[]
  /** Paper size; when null or absent the page is `width` × `height` points (Looker's "fit to dashboard"). */
  paperSize?: PaperSize | null
  landscape?: boolean
  style?: DashboardStyle
  width?: number
  height?: number
  seed: number
}

function checkFormat(format: unknown): ImageFormat {
  if (format === 'png' || format === 'jpg') return format
  throw new RenderInputError(400, 'result_format', 'invalid', `Unsupported image format '${String(format)}'`)
}

function checkStyle(style: unknown): DashboardStyle {
  if (style === undefined || style === null) return 'tiled'
  if (style === 'tiled' || style === 'single_column') return style
  throw new RenderInputError(
    422,
    'dashboard_style',
    'invalid',
    'dashboard_style must be single_column or tiled',
  )
}

function checkTiles(tiles: unknown): readonly DashboardTile[] {
  if (!Array.isArray(tiles)) throw new RenderInputError(400, 'tiles', 'invalid', 'tiles must be an array')
  for (const tile of tiles as unknown[]) checkQuery((tile as { query?: unknown } | null)?.query)
  return tiles as DashboardTile[]
}

function checkQuery(query: unknown): void {
  if (!query || typeof query !== 'object' || !Array.isArray((query as { fields?: unknown }).fields)) {
    throw new RenderInputError(400, 'query', 'invalid', 'query.fields must be an array of field names')
  }
}

async function encode(raster: Raster, format: ImageFormat): Promise<RenderedImage> {
  if (format === 'png') return { bytes: await encodePng(raster), contentType: 'image/png' }
  return { bytes: encodeJpeg(raster), contentType: 'image/jpeg' }
}

/** A Look's visualization with its title, exactly `width` × `height`, as PNG or JPEG. */
export async function renderLookImage(request: LookImageRequest): Promise<RenderedImage> {
  const width = checkDimension('width', request.width)
  const height = checkDimension('height', request.height)
  const format = checkFormat(request.format)
  checkQuery(request.query)
  await loadFonts()
  const raster = new Raster(width, height)
  const data = generateQueryData(request.query, request.seed)
  drawVisualization(raster, { title: request.title, visType: request.visType, data })
  return encode(raster, format)
}

/** A dashboard's tiles laid out in a grid on one `width` × `height` canvas, as PNG or JPEG. */
export async function renderDashboardImage(request: DashboardImageRequest): Promise<RenderedImage> {
  const width = checkDimension('width', request.width)
  const height = checkDimension('height', request.height)
  const format = checkFormat(request.format)
  const style = checkStyle(request.style)
  const tiles = checkTiles(request.tiles)
  await loadFonts()
  const raster = new Raster(width, height)
  drawDashboard(raster, request.title, tiles, style, request.seed)
  return encode(raster, format)
}

/** A dashboard as a paged PDF on the requested paper, tiles as embedded JPEG charts under vector titles. */
export function renderDashboardPdf(request: DashboardPdfRequest): Promise<RenderedPdf> {
  // After the fonts load, so that invalid input rejects the promise, exactly like the async image renderers.
  return loadFonts().then(() => {
    const style = checkStyle(request.style)
    const tiles = checkTiles(request.tiles)
    const bytes = buildDashboardPdf(request.title, tiles, pdfPage(request), style, request.seed)
    return { bytes, contentType: 'application/pdf' as const }
  })
}

function pdfPage(request: DashboardPdfRequest): { width: number; height: number } {
  if (request.paperSize === null || request.paperSize === undefined) {
    const width = request.width === undefined ? 1280 : checkDimension('width', request.width)
    const height = request.height === undefined ? 960 : checkDimension('height', request.height)
    return { width, height }
  }
  if (isPaperSize(request.paperSize)) return pageSize(request.paperSize, request.landscape === true)
  throw new RenderInputError(
    422,
    'pdf_paper_size',
    'invalid',
    'pdf_paper_size must be letter, legal, tabloid or a0…a5',
  )
}
