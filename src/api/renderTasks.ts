import type { ICreateDashboardRenderTask, IRenderTask } from '@looker/sdk/lib/4.0/models'
import { queryOptions, useMutation } from '@tanstack/react-query'
import { hasStatus, parseRetryAfter } from '../lib/errors'
import { send, seg } from '../lib/http'
import { sleep, type PollResponse, type TaskProgress } from '../lib/polling'
import { creating, sendWrite, type WriteScope } from './sendWrite'
import { taskProgressQuery } from './taskProgress'

// A render task is work on Looker's small render pool: a POST whose answer was lost is not sent again.
const START_RENDER = creating('Looker may have started the render: render again to start a new one.')

/** RenderTask.status, exactly as the spec describes it. Terminal: success and failure. */
export type RenderStatus =
  'enqueued_for_query' | 'querying' | 'enqueued_for_render' | 'rendering' | 'success' | 'failure'

export const RENDER_STEPS: readonly RenderStatus[] = [
  'enqueued_for_query',
  'querying',
  'enqueued_for_render',
  'rendering',
  'success',
]

export type ImageFormat = 'png' | 'jpg'
export type DashboardFormat = 'pdf' | 'png' | 'jpg'
export type PdfPaperSize = 'letter' | 'legal' | 'tabloid' | 'a0' | 'a1' | 'a2' | 'a3' | 'a4' | 'a5'

/** A render task with its status narrowed; unknown statuses read as still queued (never as done). */
export interface RenderTask extends Omit<IRenderTask, 'status' | 'id'> {
  id: string
  status: RenderStatus
}

const KNOWN = new Set<string>([...RENDER_STEPS, 'failure'])

export function toRenderTask(raw: IRenderTask): RenderTask {
  const status = raw.status && KNOWN.has(raw.status) ? (raw.status as RenderStatus) : 'enqueued_for_query'
  return { ...raw, id: String(raw.id ?? ''), status }
}

export const isRenderDone = (task: RenderTask) => task.status === 'success' || task.status === 'failure'

export interface LookRenderRequest {
  lookId: string
  format: ImageFormat
  width: number
  height: number
}

/** create_look_render_task: POST /render_tasks/looks/{look_id}/{png|jpg}?width=&height=. */
export async function createLookRenderTask(req: LookRenderRequest, scope?: WriteScope): Promise<RenderTask> {
  const path = `/render_tasks/looks/${seg(req.lookId)}/${seg(req.format)}`
  const query = { width: req.width, height: req.height }
  const res = await sendWrite(
    START_RENDER,
    (signal) => send<IRenderTask>('POST', path, { query, signal }),
    scope,
  )
  return toRenderTask(res.data)
}

export interface QueryRenderRequest {
  queryId: string
  format: ImageFormat
  width: number
  height: number
}

/**
 * create_query_render_task: POST /render_tasks/queries/{query_id}/{png|jpg}?width=&height=: renders a
 * query that is not saved as a look (an adjusted variant of one), on the same render pool as looks.
 */
export async function createQueryRenderTask(
  req: QueryRenderRequest,
  scope?: WriteScope,
): Promise<RenderTask> {
  const path = `/render_tasks/queries/${seg(req.queryId)}/${seg(req.format)}`
  const query = { width: req.width, height: req.height }
  const res = await sendWrite(
    START_RENDER,
    (signal) => send<IRenderTask>('POST', path, { query, signal }),
    scope,
  )
  return toRenderTask(res.data)
}

export interface DashboardRenderRequest {
  dashboardId: string
  format: DashboardFormat
  width: number
  height: number
  style: 'single_column' | 'tiled'
  pdfPaperSize?: PdfPaperSize
  pdfLandscape?: boolean
  /** Dashboard filter values by filter name, in URL query format (`Date=30%20days&Region=EMEA`). */
  filters?: string | null
}

/**
 * create_dashboard_render_task: POST /render_tasks/dashboards/{id}/{pdf|png|jpg}, body required. `id` is a
 * user-defined dashboard's id or a LookML dashboard's `model::name` (API 4.0 renders both here).
 */
export async function createDashboardRenderTask(
  req: DashboardRenderRequest,
  scope?: WriteScope,
): Promise<RenderTask> {
  const path = `/render_tasks/dashboards/${seg(req.dashboardId)}/${seg(req.format)}`
  const body: ICreateDashboardRenderTask = {
    dashboard_style: req.style,
    dashboard_filters: req.filters || null,
  }
  const pdf = req.format === 'pdf'
  const query = {
    width: req.width,
    height: req.height,
    pdf_paper_size: pdf ? req.pdfPaperSize : undefined,
    pdf_landscape: pdf ? req.pdfLandscape : undefined,
  }
  const res = await sendWrite(
    START_RENDER,
    (signal) => send<IRenderTask>('POST', path, { query, body, signal }),
    scope,
  )
  return toRenderTask(res.data)
}

/**
 * A prior guess of the drawing step (ms) before any history: a headless browser's start-up plus a cost
 * per megapixel, more for a dashboard. History replaces it after the first render (lib/taskHistory.ts).
 */
export function expectedRenderMs(task: Pick<RenderTask, 'width' | 'height' | 'dashboard_id'>): number {
  const megapixels = ((task.width ?? 800) * (task.height ?? 600)) / 1_000_000
  return (task.dashboard_id ? 4_000 : 2_000) + 1_000 * megapixels
}

const RENDER_STAGE: Record<RenderStatus, TaskProgress['stage']> = {
  enqueued_for_query: 'queued',
  querying: 'early',
  enqueued_for_render: 'between',
  rendering: 'final',
  success: 'done',
  failure: 'done',
}

/**
 * What a render task's status tells the pacing: `rendering` is the final step (its end is near),
 * everything before it is early; the same look (query, dashboard) in the same format predicts the next.
 */
export function renderProgress(task: RenderTask): TaskProgress {
  const target = task.dashboard_id
    ? `dashboard:${task.dashboard_id}:${task.dashboard_style ?? ''}`
    : task.look_id
      ? `look:${task.look_id}`
      : `query:${task.query_id ?? ''}`
  const seconds = task.status === 'success' ? task.render_runtime : null
  return {
    stage: RENDER_STAGE[task.status],
    earlyMs: typeof task.query_runtime === 'number' ? task.query_runtime * 1000 : null,
    history: {
      kind: task.dashboard_id ? 'dashboard-render' : 'render',
      key: `${target}:${task.result_format ?? ''}`,
      workMs: expectedRenderMs(task),
    },
    finalMs: typeof seconds === 'number' ? seconds * 1000 : null,
    totalMs: task.status === 'success' && typeof task.runtime === 'number' ? task.runtime * 1000 : null,
  }
}

/** render_task: GET /render_tasks/{id}, with its progress for the pacing (and a Retry-After, if sent). */
export async function getRenderTask(taskId: string, signal?: AbortSignal): Promise<PollResponse<RenderTask>> {
  const res = await send<IRenderTask>('GET', `/render_tasks/${seg(taskId)}`, { signal })
  const task = toRenderTask(res.data)
  return {
    value: task,
    retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
    progress: renderProgress(task),
  }
}

export type RenderResult =
  { kind: 'ready'; blob: Blob } | { kind: 'not-ready'; retryAfterMs: number | null } | { kind: 'expired' }

/**
 * render_task_results: GET /render_tasks/{id}/results. 200 is the image or PDF; 202 means "not finished"
 * (empty body, Retry-After); 404 means the task is unknown or its cached result expired.
 */
export async function getRenderTaskResults(taskId: string, signal?: AbortSignal): Promise<RenderResult> {
  try {
    const res = await send<Blob>('GET', `/render_tasks/${seg(taskId)}/results`, {
      signal,
      responseType: 'blob',
    })
    if (res.status === 202)
      return { kind: 'not-ready', retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) }
    return { kind: 'ready', blob: res.data }
  } catch (error) {
    if (hasStatus(error, 404)) return { kind: 'expired' }
    throw error
  }
}

/** A Retry-After is honoured up to this, and a 202 after `success` is asked again this often at most. */
const RESULT_RETRY_CAP_MS = 5_000
const RESULT_ATTEMPTS = 6

/**
 * The result of a task whose status said `success`. Should Looker still answer 202 (the result not yet
 * stored), its Retry-After is waited out and the request repeated a few times: the documented way to
 * wait for results, never a tight loop.
 */
export async function getFinishedRenderResult(taskId: string, signal?: AbortSignal): Promise<RenderResult> {
  for (let attempt = 1; ; attempt++) {
    const result = await getRenderTaskResults(taskId, signal)
    if (result.kind !== 'not-ready' || attempt >= RESULT_ATTEMPTS) return result
    const wait = Math.min(Math.max(result.retryAfterMs ?? 1_000, 250), RESULT_RETRY_CAP_MS)
    await sleep(wait, signal ?? new AbortController().signal)
  }
}

export const renderTaskKeys = {
  all: ['renderTasks'] as const,
  progress: (taskId: string) => [...renderTaskKeys.all, 'progress', taskId] as const,
  result: (taskId: string) => [...renderTaskKeys.all, 'result', taskId] as const,
}

export const renderTaskQueries = {
  /** The task followed until it is done, by THE polling loop (lib/polling.ts) run as the queryFn. */
  progress: (taskId: string, created?: RenderTask) =>
    taskProgressQuery(
      renderTaskKeys.progress(taskId),
      taskId,
      getRenderTask,
      isRenderDone,
      created ? renderProgress(created) : null,
    ),
  /** The image, fetched once after success: a Blob never changes, so it never goes stale. */
  result: (taskId: string) =>
    queryOptions({
      queryKey: renderTaskKeys.result(taskId),
      queryFn: ({ signal }) => getFinishedRenderResult(taskId, signal),
      staleTime: Infinity,
      gcTime: 0,
    }),
}

/** A look's render: the saved look, or an adjusted variant of it (its query, on the same render pool). */
export interface LookPreviewRenderRequest extends LookRenderRequest {
  /** The adjusted variant's query; absent or null for the saved look. */
  variantQueryId?: string | null
}

/** Creating a task starts work on the server: only the write rule sends it again (mutations do not retry). */
export function useCreateLookRenderTask() {
  return useMutation({
    mutationFn: ({ variantQueryId, ...req }: LookPreviewRenderRequest) =>
      variantQueryId ? createQueryRenderTask({ ...req, queryId: variantQueryId }) : createLookRenderTask(req),
  })
}

export function useCreateDashboardRenderTask() {
  return useMutation({ mutationFn: (req: DashboardRenderRequest) => createDashboardRenderTask(req) })
}
