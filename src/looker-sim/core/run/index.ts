import { queryCan } from '../can'
import { badRequest, notFound, validationFailed } from '../errors'
import type { QueryReader } from '../http'
import { formatCell } from '../render/chart/format'
import type { SimStore } from '../store'
import { queryError } from '../tasks/failures'
import { drawLook, drawQuery } from '../tasks/produce'
import { buildSql, columnFormats, formatResults, queryData } from '../tasks/query-results'
import { checkFormat, sizeErrors } from '../tasks/validate'
import type { QueryRecord } from '../types'
import type { Viewer } from '../viewer'
import { buildJsonBi } from './json-bi'
import { applyVisConfig } from './vis'
import { buildXlsx, XLSX_CONTENT_TYPE } from './xlsx'

/** run_look and run_query formats, as their descriptions list them. */
export const RUN_FORMATS = [
  'json',
  'json_bi',
  'json_detail',
  'csv',
  'txt',
  'html',
  'md',
  'xlsx',
  'sql',
  'png',
  'jpg',
] as const
export type RunFormat = (typeof RUN_FORMATS)[number]

export interface RunOptions {
  /** Overrides the query's row limit; -1 asks for all rows (up to the 5,000-row cap, decision 0004). */
  limit?: number
  applyFormatting: boolean
  applyVis: boolean
  /** png/jpg size; the spec gives no default, the simulator draws 800 × 600. */
  imageWidth: number
  imageHeight: number
}

export interface RunOutput {
  contentType: string
  bytes: Uint8Array
}

export const DEFAULT_IMAGE_WIDTH = 800
export const DEFAULT_IMAGE_HEIGHT = 600

/** The format from the path (400 when unknown) and the query parameters (400 malformed, 422 out of range). */
export function readRunRequest(
  formatParam: string,
  query: QueryReader,
): { format: RunFormat; options: RunOptions } {
  const format = checkFormat(formatParam, RUN_FORMATS)
  const options: RunOptions = {
    limit: query.int('limit'),
    applyFormatting: query.bool('apply_formatting') ?? false,
    applyVis: query.bool('apply_vis') ?? false,
    imageWidth: query.int('image_width') ?? DEFAULT_IMAGE_WIDTH,
    imageHeight: query.int('image_height') ?? DEFAULT_IMAGE_HEIGHT,
  }
  const errors = sizeErrors({ image_width: options.imageWidth, image_height: options.imageHeight })
  if (options.limit !== undefined && options.limit !== -1 && options.limit < 1) {
    errors.unshift({
      field: 'limit',
      code: 'invalid',
      message: 'limit must be 1 or more, or -1 for all rows',
    })
  }
  if (errors.length > 0) throw validationFailed(errors)
  return { format, options }
}

const encoder = new TextEncoder()
const textOutput = (contentType: string, text: string): RunOutput => ({
  contentType: `${contentType}; charset=utf-8`,
  bytes: encoder.encode(text),
})

/**
 * One synchronous run of a query in one format, with the same rows a query task gives and the same images
 * a render task draws (`title` is the look's, or null for a bare query). A query that fails in the
 * database answers as query_task_results does: json_detail carries the error, every other format is a 400.
 */
export async function runQuery(
  store: SimStore,
  viewer: Viewer,
  query: QueryRecord,
  title: string | null,
  format: RunFormat,
  options: RunOptions,
): Promise<RunOutput> {
  const error = queryError(store.looks(), query.id)
  if (error) {
    if (format !== 'json_detail') throw badRequest(error)
    const errors = [{ message: error, message_details: null, level: 'error', sql_error_loc: null }]
    return textOutput('application/json', JSON.stringify({ fields: {}, data: [], errors }))
  }
  if (format === 'png' || format === 'jpg') {
    const limited = options.limit === undefined ? query : { ...query, limit: String(options.limit) }
    const { imageWidth: width, imageHeight: height } = options
    return title === null
      ? drawQuery(limited, format, width, height, store.seed)
      : drawLook(title, limited, format, width, height, store.seed)
  }

  const raw = queryData(query, store.seed, options.limit)
  const data = options.applyVis ? applyVisConfig(raw, query.vis_config) : raw
  const formats = columnFormats(data)
  const { applyFormatting } = options
  if (format === 'xlsx') {
    const bytes = await buildXlsx({ ...data, formats, applyFormatting, createdAt: store.clock.now() })
    return { contentType: XLSX_CONTENT_TYPE, bytes }
  }
  if (format === 'json_bi') {
    const body = buildJsonBi(query, data, {
      sql: queryCan(viewer).see_sql ? buildSql(query, options.limit) : null,
      cell: (row, c) =>
        applyFormatting ? formatCell(row[c.name], formats.get(c.name) ?? null) : (row[c.name] ?? null),
    })
    return textOutput('application/json', JSON.stringify(body))
  }
  const result = formatResults(query, data, format, {
    applyFormatting,
    limit: options.limit,
    ranAt: store.nowIso(),
  })
  return textOutput(
    result.contentType,
    typeof result.body === 'string' ? result.body : JSON.stringify(result.body),
  )
}

/** run_look: the look's query, drawn with the look's title; a look in the trash (or unseen) is 404. */
export function runLook(
  store: SimStore,
  viewer: Viewer,
  lookId: string,
  format: RunFormat,
  options: RunOptions,
) {
  const look = store.visibleLook(viewer, lookId)
  const query = look.deleted ? undefined : store.query(look.query_id)
  if (!query) throw notFound()
  return runQuery(store, viewer, query, look.title, format, options)
}

/** run_query: any query by id, as the spec allows ("a query 'id' from a saved 'Look'" included). */
export function runQueryById(
  store: SimStore,
  viewer: Viewer,
  queryId: string,
  format: RunFormat,
  options: RunOptions,
) {
  const query = store.query(queryId)
  if (!query) throw notFound()
  return runQuery(store, viewer, query, null, format, options)
}
