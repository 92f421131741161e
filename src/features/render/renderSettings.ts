import type { ImageFormat } from '../../api/renderTasks'
import { safeFileStem } from '../../lib/fileName'

/** What a render asks for; lives in the URL (`?format=&width=&height=`) so a render can be shared. */
export interface RenderSettings {
  format: ImageFormat
  width: number
  height: number
}

export const MIN_SIZE = 100
export const MAX_SIZE = 4096
export const DEFAULT_SETTINGS: RenderSettings = { format: 'png', width: 1200, height: 628 }

export const PRESETS: { label: string; width: number; height: number }[] = [
  { label: '800 × 600', width: 800, height: 600 },
  { label: '1200 × 628 (chat preview)', width: 1200, height: 628 },
  { label: '1920 × 1080 (full HD)', width: 1920, height: 1080 },
  { label: '1080 × 1080 (square)', width: 1080, height: 1080 },
]

export interface ParsedSettings {
  settings: RenderSettings
  /** URL values that were not usable and fell back to defaults, as sentences. */
  notices: string[]
}

/** Reads settings from the URL; bad values fall back to the defaults with a notice, never an error page. */
export function parseRenderSettings(params: URLSearchParams): ParsedSettings {
  const notices: string[] = []
  const formatParam = params.get('format')
  let format = DEFAULT_SETTINGS.format
  if (formatParam === 'png' || formatParam === 'jpg') format = formatParam
  else if (formatParam === 'jpeg') format = 'jpg'
  else if (formatParam !== null) notices.push(`"${formatParam}" is not a format we can render; using PNG.`)
  const size = (name: 'width' | 'height') => {
    const raw = params.get(name)
    if (raw === null) return DEFAULT_SETTINGS[name]
    const error = sizeError(raw)
    if (error) {
      notices.push(
        // The error is a sentence of its own; here it is a clause, without its capital and full stop.
        `The ${name} in the link (${raw}) ${error.replace(/^Must/, 'must').replace(/\.$/, '')}; using ${DEFAULT_SETTINGS[name]}.`,
      )
      return DEFAULT_SETTINGS[name]
    }
    return Number(raw)
  }
  return { settings: { format, width: size('width'), height: size('height') }, notices }
}

/** Why a typed size cannot be rendered, or null when it can. Checked before any request. */
export function sizeError(raw: string): string | null {
  const text = raw.trim()
  if (text === '') return 'Enter a size in pixels.'
  if (!/^\d+$/.test(text)) return 'Must be a whole number of pixels.'
  const n = Number(text)
  if (n < MIN_SIZE || n > MAX_SIZE) return `Must be between ${MIN_SIZE} and ${MAX_SIZE} pixels.`
  return null
}

export function settingsToParams(settings: RenderSettings): Record<string, string> {
  return { format: settings.format, width: String(settings.width), height: String(settings.height) }
}

/** `Revenue by month-1200x628.png`: the title made safe for file systems, then the size. */
export function renderFileName(
  title: string,
  settings: RenderSettings | { format: string; width: number; height: number },
) {
  return `${safeFileStem(title)}-${settings.width}x${settings.height}.${settings.format}`
}
