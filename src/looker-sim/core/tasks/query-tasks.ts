import type { Clock } from '../clock'
import { iso } from '../constants'
import { badRequest, notFound, validationFailed } from '../errors'
import type { QueryRecord } from '../types'
import type { Viewer } from '../viewer'
import { formatResults, queryData, QUERY_RESULT_FORMATS, type QueryResultFormat } from './query-results'
import { planQueryTaskMs } from './model'
import type { TaskSettings } from './settings'

/** Ids arrive as strings (or numbers from older clients); anything else is no id. */
const idText = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : null

interface QueryTaskRecord {
  id: string
  userId: string
  query: QueryRecord
  lookId: string | null
  format: QueryResultFormat
  limit: number | undefined
  applyFormatting: boolean
  source: string | null
  createdAt: number
  finishesAt: number
  /** Why the query fails (a SQL error), or null. */
  error: string | null
}

export interface ApiQueryTask {
  id: string
  query_id: string
  look_id: string | null
  dashboard_id: null
  result_format: string
  status: 'running' | 'complete' | 'error'
  source: string | null
  runtime: number | null
  result_source: string | null
  cache: boolean
  can: Record<string, boolean>
}

export type QueryTaskResults = { status: 202 } | { status: 200; contentType: string; body: unknown }

export interface CreateQueryTaskParams {
  limit?: number
  applyFormatting?: boolean
}

/**
 * Query tasks on the simulator clock: `running` until their time is up (the query model, model.ts), then
 * `complete` or `error`. The spec names no in-progress status; `running` is the simulator's choice.
 */
export class QueryTaskStore {
  private tasks = new Map<string, QueryTaskRecord>()
  /** Runs per query in the session: each run gets its own noise, repeatably. */
  private runs = new Map<string, number>()
  private nextId = 1

  constructor(
    private readonly clock: Clock,
    private readonly seed: number,
    private readonly settings: TaskSettings,
  ) {}

  /** Validates the CreateQueryTask body; the caller resolves `query_id` (404) and `look_id` (404). */
  static parseBody(body: unknown): {
    queryId: string
    format: QueryResultFormat
    lookId: string | null
    source: string | null
  } {
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw badRequest('A CreateQueryTask body is required.')
    const { query_id, result_format, look_id, source } = body as Record<string, unknown>
    const errors: { field: string; code: 'missing' | 'invalid'; message: string }[] = []
    if (query_id === undefined || query_id === null || query_id === '')
      errors.push({ field: 'query_id', code: 'missing', message: 'This field is required.' })
    if (result_format === undefined || result_format === null) {
      errors.push({ field: 'result_format', code: 'missing', message: 'This field is required.' })
    } else if (!(QUERY_RESULT_FORMATS as readonly unknown[]).includes(result_format)) {
      errors.push({
        field: 'result_format',
        code: 'invalid',
        message: `must be one of ${QUERY_RESULT_FORMATS.join(', ')}`,
      })
    }
    if (errors.length > 0) throw validationFailed(errors)
    return {
      queryId: idText(query_id) ?? '',
      format: result_format as QueryResultFormat,
      lookId: idText(look_id),
      source: typeof source === 'string' ? source : null,
    }
  }

  create(
    viewer: Viewer,
    query: QueryRecord,
    parsed: { format: QueryResultFormat; lookId: string | null; source: string | null },
    params: CreateQueryTaskParams,
    error: string | null,
  ): ApiQueryTask {
    if (params.limit !== undefined && (!Number.isInteger(params.limit) || params.limit < -1)) {
      throw validationFailed([{ field: 'limit', code: 'invalid', message: 'must be a whole number' }])
    }
    const id = `qt${this.nextId++}`
    const now = this.clock.now()
    const run = (this.runs.get(query.id) ?? 0) + 1
    this.runs.set(query.id, run)
    const duration = planQueryTaskMs(
      this.seed,
      { queryId: query.id, cached: false },
      run,
      this.settings.queryDurationMs,
    )
    const record: QueryTaskRecord = {
      id,
      userId: viewer.user.id,
      query,
      lookId: parsed.lookId,
      format: parsed.format,
      limit: params.limit,
      applyFormatting: params.applyFormatting ?? false,
      source: parsed.source,
      createdAt: now,
      finishesAt: now + duration,
      error,
    }
    this.tasks.set(id, record)
    this.evict(now)
    return this.serialize(record, now)
  }

  get(viewer: Viewer, id: string): ApiQueryTask {
    return this.serialize(this.find(viewer, id), this.clock.now())
  }

  /**
   * 202 while running; 200 with the results once complete. A SQL error is a 200 with `errors` for
   * json_detail and a 400 for every other format (spec, query_task_results). Expired (300 s) → 404.
   */
  results(viewer: Viewer, id: string): QueryTaskResults {
    const record = this.find(viewer, id)
    const now = this.clock.now()
    if (now < record.finishesAt) return { status: 202 }
    if (now - record.finishesAt > this.settings.queryResultTtlMs) throw notFound()
    if (record.error) {
      if (record.format !== 'json_detail') throw badRequest(record.error)
      const errors = [{ message: record.error, message_details: null, level: 'error', sql_error_loc: null }]
      return { status: 200, contentType: 'application/json', body: { fields: {}, data: [], errors } }
    }
    const data = queryData(record.query, this.seed, record.limit)
    const options = {
      applyFormatting: record.applyFormatting,
      limit: record.limit,
      ranAt: iso(record.finishesAt),
    }
    const result = formatResults(record.query, data, record.format, options)
    return { status: 200, ...result }
  }

  clear(): void {
    this.tasks.clear()
    this.runs.clear()
  }

  private find(viewer: Viewer, id: string): QueryTaskRecord {
    const record = this.tasks.get(id)
    if (!record || (record.userId !== viewer.user.id && !viewer.isAdmin)) throw notFound()
    return record
  }

  private evict(now: number): void {
    for (const [id, record] of this.tasks) {
      if (
        now - record.finishesAt > 2 * this.settings.queryResultTtlMs ||
        this.tasks.size > this.settings.maxTasks
      ) {
        this.tasks.delete(id)
      }
    }
  }

  private serialize(record: QueryTaskRecord, now: number): ApiQueryTask {
    const done = now >= record.finishesAt
    return {
      id: record.id,
      query_id: record.query.id,
      look_id: record.lookId,
      dashboard_id: null,
      result_format: record.format,
      status: !done ? 'running' : record.error ? 'error' : 'complete',
      source: record.source,
      runtime: done ? (record.finishesAt - record.createdAt) / 1000 : null,
      result_source: done ? 'query' : null,
      cache: false,
      can: {},
    }
  }
}
