import type { IQueryTask } from '@looker/sdk/lib/4.0/models'
import { queryOptions, useMutation } from '@tanstack/react-query'
import { hasStatus, parseRetryAfter } from '../lib/errors'
import { send, seg } from '../lib/http'
import type { PollResponse } from '../lib/polling'

export type QueryResultFormat = 'json_detail' | 'inline_json' | 'json' | 'csv' | 'txt' | 'md' | 'html' | 'sql'

/**
 * QueryTask.status has no enumeration in the spec (facts §3): complete, error/failure, expired and missing
 * are attested; anything else means "still running".
 */
export type QueryTaskState = 'running' | 'complete' | 'error' | 'expired'

export function queryTaskState(status: string | null | undefined): QueryTaskState {
  switch (status) {
    case 'complete':
      return 'complete'
    case 'error':
    case 'failure':
      return 'error'
    case 'expired':
    case 'missing':
      return 'expired'
    default:
      return 'running'
  }
}

export const isQueryTaskDone = (task: IQueryTask) => queryTaskState(task.status) !== 'running'

export interface QueryTaskRequest {
  queryId: string
  format: QueryResultFormat
  lookId?: string
  limit?: number
  applyFormatting?: boolean
}

/** create_query_task: POST /query_tasks. Starts work on the server: a mutation, never retried blindly. */
export async function createQueryTask(req: QueryTaskRequest, signal?: AbortSignal): Promise<IQueryTask> {
  const body = {
    query_id: req.queryId,
    result_format: req.format,
    look_id: req.lookId ?? null,
    source: 'lookbook',
  }
  const query = { limit: req.limit, apply_formatting: req.applyFormatting }
  return (await send<IQueryTask>('POST', '/query_tasks', { body, query, signal })).data
}

/** query_task: GET /query_tasks/{id}. */
export async function getQueryTask(taskId: string, signal?: AbortSignal): Promise<PollResponse<IQueryTask>> {
  const res = await send<IQueryTask>('GET', `/query_tasks/${seg(taskId)}`, { signal })
  return { value: res.data, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) }
}

/** A json_detail field description (the parts we show). */
export interface DetailField {
  name: string
  label?: string | null
  label_short?: string | null
  type?: string | null
  is_numeric?: boolean | null
  value_format?: string | null
}

export interface DetailCell {
  value: string | number | boolean | null
  rendered?: string | null
}

export interface JsonDetailResult {
  fields: { dimensions?: DetailField[]; measures?: DetailField[]; table_calculations?: DetailField[] }
  data: Record<string, DetailCell>[]
  sql?: string
  errors?: { message?: string | null; message_details?: string | null }[]
}

export type QueryTaskResult<T> = { kind: 'ready'; data: T } | { kind: 'not-ready' } | { kind: 'expired' }

/**
 * query_task_results: GET /query_tasks/{id}/results. 200 with the results (JSON for the json formats,
 * text for csv/txt/md/html/sql), 202 while running, 404 when unknown or expired.
 */
export async function getQueryTaskResults<T = unknown>(
  taskId: string,
  format: QueryResultFormat,
  signal?: AbortSignal,
): Promise<QueryTaskResult<T>> {
  const responseType =
    format === 'json_detail' || format === 'json' || format === 'inline_json' ? 'json' : 'text'
  try {
    const res = await send<T>('GET', `/query_tasks/${seg(taskId)}/results`, { signal, responseType })
    if (res.status === 202) return { kind: 'not-ready' }
    return { kind: 'ready', data: res.data }
  } catch (error) {
    if (hasStatus(error, 404)) return { kind: 'expired' }
    throw error
  }
}

export const queryTaskKeys = {
  all: ['queryTasks'] as const,
  status: (taskId: string) => [...queryTaskKeys.all, 'status', taskId] as const,
  result: (taskId: string, format: QueryResultFormat) =>
    [...queryTaskKeys.all, 'result', taskId, format] as const,
  started: (req: QueryTaskRequest) => [...queryTaskKeys.all, 'started', req] as const,
}

export const queryTaskQueries = {
  /**
   * A task started for these parameters (the data preview): cached per parameters so a re-render, a
   * remount or StrictMode never starts a second task, and never retried (it is a POST).
   */
  started: (req: QueryTaskRequest) =>
    queryOptions({
      queryKey: queryTaskKeys.started(req),
      queryFn: ({ signal }) => createQueryTask(req, signal),
      staleTime: Infinity,
      gcTime: 60_000,
      retry: false,
    }),
  status: (taskId: string) =>
    queryOptions({
      queryKey: queryTaskKeys.status(taskId),
      queryFn: ({ signal }) => getQueryTask(taskId, signal),
      staleTime: 0,
      retry: false,
    }),
  /** Results of a finished task never change. */
  result: <T>(taskId: string, format: QueryResultFormat) =>
    queryOptions({
      queryKey: queryTaskKeys.result(taskId, format),
      queryFn: ({ signal }) => getQueryTaskResults<T>(taskId, format, signal),
      staleTime: Infinity,
    }),
}

export function useCreateQueryTask() {
  return useMutation({ mutationFn: (req: QueryTaskRequest) => createQueryTask(req) })
}
