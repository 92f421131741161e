import type { IQueryTask } from '@looker/sdk/lib/4.0/models'
import {
  hashKey,
  queryOptions,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { useEffect, useEffectEvent, useRef } from 'react'
import { hasStatus, parseRetryAfter } from '../lib/errors'
import { send, seg } from '../lib/http'
import type { PollResponse, TaskProgress } from '../lib/polling'
import { QUERY_PRIOR } from '../lib/taskHistory'
import { creating, sendWrite, type WriteScope } from './sendWrite'
import { taskProgressQuery } from './taskProgress'

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

const START_QUERY = creating('Looker may have started the query: run it again to start a new one.')

/**
 * create_query_task: POST /query_tasks. Starts work on the server: a mutation, sent again only when
 * Looker's answer proves it started nothing (the write rule).
 */
export async function createQueryTask(req: QueryTaskRequest, scope?: WriteScope): Promise<IQueryTask> {
  const body = {
    query_id: req.queryId,
    result_format: req.format,
    look_id: req.lookId ?? null,
    source: 'lookbook',
  }
  const query = { limit: req.limit, apply_formatting: req.applyFormatting }
  const res = await sendWrite(
    START_QUERY,
    (signal) => send<IQueryTask>('POST', '/query_tasks', { body, query, signal }),
    scope,
  )
  return res.data
}

/**
 * What a query task's status tells the pacing: it runs in one step (the spec names no phases), predicted
 * by the same query's earlier runs in the same format.
 */
export function queryTaskProgress(task: IQueryTask): TaskProgress {
  const state = queryTaskState(task.status)
  return {
    stage: state === 'running' ? 'final' : 'done',
    earlyMs: null,
    history: {
      kind: 'query',
      key: `${task.query_id ?? ''}:${task.result_format ?? ''}`,
      // Before any history: as unsure as any query (fast from Looker's cache, or slow in the warehouse).
      workMs: QUERY_PRIOR.ms,
      priorSigma: QUERY_PRIOR.sigma,
    },
    finalMs: state === 'complete' && typeof task.runtime === 'number' ? task.runtime * 1000 : null,
    totalMs: null,
  }
}

/** query_task: GET /query_tasks/{id}, with its progress for the pacing. */
export async function getQueryTask(taskId: string, signal?: AbortSignal): Promise<PollResponse<IQueryTask>> {
  const res = await send<IQueryTask>('GET', `/query_tasks/${seg(taskId)}`, { signal })
  return {
    value: res.data,
    retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
    progress: queryTaskProgress(res.data),
  }
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
  progress: (taskId: string) => [...queryTaskKeys.all, 'progress', taskId] as const,
  result: (taskId: string, format: QueryResultFormat) =>
    [...queryTaskKeys.all, 'result', taskId, format] as const,
  started: (req: QueryTaskRequest) => [...queryTaskKeys.all, 'started', req] as const,
}

export const queryTaskQueries = {
  /** The task followed until it is done, by THE polling loop (lib/polling.ts) run as the queryFn. */
  // Without the creation answer: the preview keeps a started task for a minute, so by the time its poll
  // (re)starts that answer may be old news (the export, polled right after creating, passes it).
  progress: (taskId: string) =>
    taskProgressQuery(queryTaskKeys.progress(taskId), taskId, getQueryTask, isQueryTaskDone),
  /** Results of a finished task never change. */
  result: <T>(taskId: string, format: QueryResultFormat) =>
    queryOptions({
      queryKey: queryTaskKeys.result(taskId, format),
      queryFn: ({ signal }) => getQueryTaskResults<T>(taskId, format, signal),
      staleTime: Infinity,
    }),
}

/**
 * The query task for these parameters (the data preview). It is started by a mutation, so no refetch or
 * retry can ever send the POST again by itself, and what it answered is kept per parameters for a
 * minute, so a re-render, a remount or StrictMode never starts a second task. `restart` starts a new one
 * on purpose (Retry, Run again). `null`: nothing to run yet.
 */
export function useQueryTaskFor(req: QueryTaskRequest | null) {
  const client = useQueryClient()
  const key = queryTaskKeys.started(req ?? NO_REQUEST)
  const started = useQuery<IQueryTask>({
    queryKey: key,
    queryFn: skipToken,
    staleTime: Infinity,
    gcTime: 60_000,
  })
  const create = useMutation({
    mutationFn: (r: QueryTaskRequest) => createQueryTask(r),
    onSuccess: (task, r) => client.setQueryData(queryTaskKeys.started(r), task),
    retry: false,
  })
  // Not when a task for these parameters is kept from a minute ago.
  const start = useEffectEvent(() => {
    if (req && !client.getQueryData(key)) create.mutate(req)
  })
  const hash = req ? hashKey(key) : null
  const asked = useRef<string | null>(null)
  useEffect(() => {
    // Once per parameters: StrictMode runs effects twice, and a POST must not be sent twice.
    if (hash === null || asked.current === hash) return
    asked.current = hash
    start()
  }, [hash])
  return {
    task: started.data,
    /** Why the task could not start (only from the latest attempt). */
    error: create.error,
    restart: () => {
      if (req) create.mutate(req)
    },
  }
}

const NO_REQUEST: QueryTaskRequest = { queryId: '', format: 'json_detail' }
