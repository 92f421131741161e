import { badRequest, validationFailed, type FieldError } from '../errors'
import { isPaperSize, type PaperSize } from '../render/pdf'

export const IMAGE_FORMATS = ['png', 'jpg'] as const
export const DASHBOARD_FORMATS = ['pdf', 'png', 'jpg'] as const
export type ImageFormat = (typeof IMAGE_FORMATS)[number]
export type DashboardFormat = (typeof DASHBOARD_FORMATS)[number]

/** The renderer's bounds, in pixels (the app checks the same bounds before asking). */
export const MIN_RENDER_SIZE = 100
export const MAX_RENDER_SIZE = 4096

export function checkFormat<F extends string>(format: string, allowed: readonly F[]): F {
  if (!(allowed as readonly string[]).includes(format)) {
    throw badRequest(`Unsupported result_format '${format}'. Valid formats: ${allowed.join(', ')}.`)
  }
  return format as F
}

/** width and height are required int64 query params: missing or non-numeric → 400, out of bounds → 422. */
export function checkSize(query: URLSearchParams): { width: number; height: number } {
  const read = (name: 'width' | 'height') => {
    const raw = query.get(name)
    if (raw === null || raw.trim() === '') throw badRequest(`Missing required parameter '${name}'.`)
    if (!/^-?\d+$/.test(raw.trim())) throw badRequest(`Parameter '${name}' must be an integer, got '${raw}'.`)
    return Number(raw)
  }
  const width = read('width')
  const height = read('height')
  const errors = sizeErrors({ width, height })
  if (errors.length > 0) throw validationFailed(errors)
  return { width, height }
}

/** A field error for each size outside the renderer's bounds (run_look's image_width/height use it too). */
export function sizeErrors(sizes: Record<string, number>): FieldError[] {
  return Object.entries(sizes)
    .filter(([, value]) => value < MIN_RENDER_SIZE || value > MAX_RENDER_SIZE)
    .map(([field]) => ({
      field,
      code: 'invalid' as const,
      message: `must be between ${MIN_RENDER_SIZE} and ${MAX_RENDER_SIZE} pixels`,
    }))
}

export interface DashboardOptions {
  paperSize: PaperSize
  landscape: boolean
  style: 'single_column' | 'tiled'
  filters: string | null
}

/** The dashboard task's body is required; its style and the PDF paper size must be known values. */
export function checkDashboardOptions(query: URLSearchParams, body: unknown): DashboardOptions {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('A CreateDashboardRenderTask body is required.')
  }
  const { dashboard_style, dashboard_filters } = body as Record<string, unknown>
  const errors: FieldError[] = []
  const style = dashboard_style ?? 'tiled'
  if (style !== 'tiled' && style !== 'single_column') {
    errors.push({ field: 'dashboard_style', code: 'invalid', message: 'must be single_column or tiled' })
  }
  const paper = query.get('pdf_paper_size') ?? 'letter'
  if (!isPaperSize(paper)) {
    errors.push({
      field: 'pdf_paper_size',
      code: 'invalid',
      message: 'must be one of letter, legal, tabloid, a0…a5',
    })
  }
  const landscape = query.get('pdf_landscape')
  if (landscape !== null && landscape !== 'true' && landscape !== 'false') {
    errors.push({ field: 'pdf_landscape', code: 'invalid', message: 'must be true or false' })
  }
  if (errors.length > 0) throw validationFailed(errors)
  return {
    paperSize: paper as PaperSize,
    landscape: landscape === 'true',
    style: style as DashboardOptions['style'],
    filters: typeof dashboard_filters === 'string' ? dashboard_filters : null,
  }
}
