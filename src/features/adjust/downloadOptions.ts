import type { RunFormat, RunOptions } from '../../api/queries'
import { hasStatus, isLookerApiError, describeError } from '../../lib/errors'
import { safeFileStem } from '../../lib/fileName'
import { MAX_ROW_LIMIT } from './adjustParams'

/** The formats of Looker's own Download dialog, as run_look offers them. */
export type DownloadFormat = Exclude<RunFormat, 'sql'>

export const DOWNLOAD_FORMATS: { format: DownloadFormat; label: string; ext: string }[] = [
  { format: 'txt', label: 'Text (tab-separated)', ext: 'txt' },
  { format: 'csv', label: 'CSV', ext: 'csv' },
  { format: 'json', label: 'JSON', ext: 'json' },
  { format: 'json_bi', label: 'JSON with field details (json_bi)', ext: 'json' },
  { format: 'xlsx', label: 'Excel spreadsheet (XLSX)', ext: 'xlsx' },
  { format: 'md', label: 'Markdown', ext: 'md' },
  { format: 'html', label: 'HTML', ext: 'html' },
  { format: 'png', label: 'PNG image', ext: 'png' },
  { format: 'jpg', label: 'JPEG image', ext: 'jpg' },
]

export const isImageFormat = (format: DownloadFormat) => format === 'png' || format === 'jpg'

/** "As displayed" is the look's own row limit; "all" is -1; "custom" a number of rows. */
export type RowsChoice = 'displayed' | 'all' | 'custom'

export interface DownloadOptions {
  format: DownloadFormat
  rows: RowsChoice
  customLimit: number
  applyVis: boolean
  applyFormatting: boolean
  width: number
  height: number
}

/** Looker's defaults: the results as the look shows them, formatted. Images at run_look's 800 × 600. */
export const DEFAULT_DOWNLOAD: DownloadOptions = {
  format: 'csv',
  rows: 'displayed',
  customLimit: 100,
  applyVis: true,
  applyFormatting: true,
  width: 800,
  height: 600,
}

export const MIN_IMAGE = 100
export const MAX_IMAGE = 4096

/** The run_look / run_query parameters for these options. */
export function runOptionsOf(o: DownloadOptions): RunOptions {
  if (isImageFormat(o.format)) return { image_width: o.width, image_height: o.height }
  return {
    limit: o.rows === 'all' ? -1 : o.rows === 'custom' ? o.customLimit : undefined,
    apply_vis: o.applyVis,
    apply_formatting: o.applyFormatting,
  }
}

/**
 * `Revenue by month.csv`, `Revenue by month-all-rows.csv`, `… -100-rows-raw.json`, `… -800x600.png`: the
 * title made safe for file systems, then what sets this file apart from the default download.
 */
export function downloadFileName(title: string, o: DownloadOptions): string {
  const spec = DOWNLOAD_FORMATS.find((f) => f.format === o.format) ?? { ext: o.format }
  const stem = safeFileStem(title)
  if (isImageFormat(o.format)) return `${stem}-${o.width}x${o.height}.${spec.ext}`
  const parts = [
    o.rows === 'all' ? 'all-rows' : o.rows === 'custom' ? `${o.customLimit}-rows` : null,
    o.format === 'json_bi' ? 'bi' : null,
    o.applyVis ? null : 'no-vis',
    o.applyFormatting ? null : 'raw',
  ].filter((p) => p !== null)
  return `${stem}${parts.map((p) => `-${p}`).join('')}.${spec.ext}`
}

/** Why these options cannot be sent, by option; empty when they can. */
export function optionErrors(
  o: { customText: string; widthText: string; heightText: string } & Pick<DownloadOptions, 'format' | 'rows'>,
): Partial<Record<'custom' | 'width' | 'height', string>> {
  const errors: Partial<Record<'custom' | 'width' | 'height', string>> = {}
  const whole = (text: string, min: number, max: number, unit: string) => {
    const t = text.trim()
    if (!/^\d+$/.test(t)) return `Enter a whole number of ${unit}.`
    const n = Number(t)
    return n < min || n > max ? `Must be from ${min} to ${max.toLocaleString('en-US')} ${unit}.` : null
  }
  if (isImageFormat(o.format)) {
    const w = whole(o.widthText, MIN_IMAGE, MAX_IMAGE, 'pixels')
    const h = whole(o.heightText, MIN_IMAGE, MAX_IMAGE, 'pixels')
    if (w) errors.width = w
    if (h) errors.height = h
  } else if (o.rows === 'custom') {
    const c = whole(o.customText, 1, MAX_ROW_LIMIT, 'rows')
    if (c) errors.custom = c
  }
  return errors
}

/**
 * A synchronous download that the server (or a gateway in front of it) gave up on, or that took longer
 * than the page waits: the result is too large for this way, and the query-task export is offered.
 */
export class DownloadTooLarge extends Error {
  constructor(cause: unknown) {
    super('This result is too large to download directly.', { cause })
    this.name = 'DownloadTooLarge'
  }
}

/** 413 (too large) and 504 (a gateway's time ran out) say the synchronous run was too big. */
export const meansTooLarge = (error: unknown) => hasStatus(error, 413, 504)

/** A refused download in words: a 4xx says what Looker objected to. */
export function downloadErrorText(error: unknown): string {
  if (hasStatus(error, 404)) return 'The look is gone or you may no longer see it (Looker answered 404).'
  if (isLookerApiError(error) && error.status >= 400 && error.status < 500)
    return `Looker refused the download: ${describeError(error)}`
  return `The download failed: ${describeError(error)}`
}
