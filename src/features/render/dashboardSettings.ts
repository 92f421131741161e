import type { IDashboardFilter } from '@looker/sdk/lib/4.0/models'
import type { DashboardFormat, DashboardRenderRequest, PdfPaperSize } from '../../api/renderTasks'
import { safeFileStem } from '../../lib/fileName'
import { sizeError } from './renderSettings'

export type DashboardLayout = 'single_column' | 'tiled'

/** What a dashboard render asks for. Width and height apply to images; a PDF's page comes from its paper. */
export interface DashboardSettings {
  dashboardId: string
  format: DashboardFormat
  paperSize: PdfPaperSize
  landscape: boolean
  layout: DashboardLayout
  width: number
  height: number
  /** Dashboard filter values by filter name, as typed (a filter not here keeps its default). */
  filters: Record<string, string>
}

/** Paper sizes Looker accepts (create_dashboard_render_task `pdf_paper_size`), with height ÷ width. */
export const PAPER_SIZES: { value: PdfPaperSize; label: string; aspect: number }[] = [
  { value: 'letter', label: 'Letter (8.5 × 11 in)', aspect: 11 / 8.5 },
  { value: 'legal', label: 'Legal (8.5 × 14 in)', aspect: 14 / 8.5 },
  { value: 'tabloid', label: 'Tabloid (11 × 17 in)', aspect: 17 / 11 },
  { value: 'a3', label: 'A3', aspect: Math.SQRT2 },
  { value: 'a4', label: 'A4', aspect: Math.SQRT2 },
  { value: 'a5', label: 'A5', aspect: Math.SQRT2 },
  { value: 'a2', label: 'A2', aspect: Math.SQRT2 },
  { value: 'a1', label: 'A1', aspect: Math.SQRT2 },
  { value: 'a0', label: 'A0', aspect: Math.SQRT2 },
]

export const DEFAULT_DASHBOARD_SETTINGS: Omit<DashboardSettings, 'dashboardId'> = {
  format: 'pdf',
  paperSize: 'letter',
  landscape: false,
  layout: 'tiled',
  width: 1600,
  height: 1000,
  filters: {},
}

/** The browser-like viewport a PDF is laid out in: 1200 px across the page, the page's proportions. */
const PDF_VIEWPORT_WIDTH = 1200

/**
 * Every filter of the dashboard with the value to render it with (typed, else its default), in Looker's
 * URL query format; an empty value is sent too: it means "any value" rather than the default.
 */
export function dashboardFiltersParam(
  filters: readonly IDashboardFilter[],
  values: Record<string, string>,
): string | null {
  const pairs = filters
    .filter((f) => f.name)
    .map((f) => {
      const name = f.name ?? ''
      const value = Object.hasOwn(values, name) ? values[name] : (f.default_value ?? '')
      return `${encodeURIComponent(name)}=${encodeURIComponent((value ?? '').trim())}`
    })
  return pairs.length > 0 ? pairs.join('&') : null
}

export function dashboardRenderRequest(
  settings: DashboardSettings,
  filters: readonly IDashboardFilter[] = [],
): DashboardRenderRequest {
  const base = {
    dashboardId: settings.dashboardId,
    format: settings.format,
    style: settings.layout,
    filters: dashboardFiltersParam(filters, settings.filters),
  }
  if (settings.format !== 'pdf') return { ...base, width: settings.width, height: settings.height }
  const aspect = PAPER_SIZES.find((p) => p.value === settings.paperSize)?.aspect ?? Math.SQRT2
  const height = Math.round(PDF_VIEWPORT_WIDTH * (settings.landscape ? 1 / aspect : aspect))
  return {
    ...base,
    width: PDF_VIEWPORT_WIDTH,
    height,
    pdfPaperSize: settings.paperSize,
    pdfLandscape: settings.landscape,
  }
}

/** Why these settings cannot be rendered yet (checked before any request), or null. */
export function dashboardSettingsError(settings: DashboardSettings): string | null {
  if (!settings.dashboardId) return 'Choose a dashboard.'
  if (settings.format === 'pdf') return null
  return sizeError(String(settings.width)) ?? sizeError(String(settings.height))
}

/** `Marketing Funnel-letter-landscape-tiled.pdf`, `Marketing Funnel-1600x1000.png`. */
export function dashboardFileName(title: string, settings: DashboardSettings): string {
  const stem = safeFileStem(title, 'dashboard')
  if (settings.format !== 'pdf') return `${stem}-${settings.width}x${settings.height}.${settings.format}`
  const orientation = settings.landscape ? 'landscape' : 'portrait'
  return `${stem}-${settings.paperSize}-${orientation}-${settings.layout.replace('_', '-')}.pdf`
}

/** "Letter, landscape, tiled". */
export function describeLayout(settings: DashboardSettings): string {
  const paper = PAPER_SIZES.find((p) => p.value === settings.paperSize)?.label.replace(/ \(.*\)$/, '')
  const layout = settings.layout === 'tiled' ? 'tiled' : 'single column'
  return `${paper ?? settings.paperSize}, ${settings.landscape ? 'landscape' : 'portrait'}, ${layout}`
}

/** "Signup Date: 6 months; Country: any value", the values a render used (typed, else defaults). */
export function describeFilters(
  filters: readonly IDashboardFilter[],
  values: Record<string, string>,
): string {
  return filters
    .filter((f) => f.name)
    .map((f) => {
      const name = f.name ?? ''
      const value = (Object.hasOwn(values, name) ? values[name] : f.default_value)?.trim()
      return `${f.title || name}: ${value || 'any value'}`
    })
    .join('; ')
}
