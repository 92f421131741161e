import type { Route, RouteContext } from '../router'
import type { TaskService } from './index'
import { QueryTaskStore } from './query-tasks'
import { checkDashboardOptions, checkFormat, checkSize, DASHBOARD_FORMATS, IMAGE_FORMATS } from './validate'

const searchParams = (context: RouteContext) => new URL(context.request.url).searchParams

/** HTTP for render tasks and query tasks (spec tags RenderTask and Query); the rules are in TaskService. */
export function taskRoutes(tasks: TaskService): Route[] {
  return [
    {
      method: 'POST',
      path: '/render_tasks/looks/:look_id/:result_format',
      handler: (context) => {
        const format = checkFormat(context.params.result_format ?? '', IMAGE_FORMATS)
        const { width, height } = checkSize(searchParams(context))
        return {
          body: tasks.renderLook(context.viewer(), context.params.look_id ?? '', format, width, height),
        }
      },
    },
    {
      method: 'POST',
      path: '/render_tasks/queries/:query_id/:result_format',
      handler: (context) => {
        const format = checkFormat(context.params.result_format ?? '', IMAGE_FORMATS)
        const { width, height } = checkSize(searchParams(context))
        return {
          body: tasks.renderQuery(context.viewer(), context.params.query_id ?? '', format, width, height),
        }
      },
    },
    {
      method: 'POST',
      path: '/render_tasks/dashboards/:dashboard_id/:result_format',
      handler: async (context) => {
        const format = checkFormat(context.params.result_format ?? '', DASHBOARD_FORMATS)
        const params = searchParams(context)
        const { width, height } = checkSize(params)
        const options = checkDashboardOptions(params, await context.json())
        const viewer = context.viewer()
        return {
          body: tasks.renderDashboard(
            viewer,
            context.params.dashboard_id ?? '',
            format,
            width,
            height,
            options,
          ),
        }
      },
    },
    {
      method: 'GET',
      path: '/render_tasks/:render_task_id',
      // No Retry-After here: Looker documents none on the status call (the client paces itself).
      handler: (context) => ({
        body: tasks.renders.get(context.viewer(), context.params.render_task_id ?? ''),
      }),
    },
    {
      method: 'GET',
      path: '/render_tasks/:render_task_id/results',
      handler: async (context) => {
        const result = tasks.renders.results(context.viewer(), context.params.render_task_id ?? '')
        if (result.status === 202) {
          return new Response(null, {
            status: 202,
            headers: { 'Retry-After': String(result.retryAfterSeconds) },
          })
        }
        const { bytes, contentType } = await result.output
        return new Response(bytes.slice().buffer, {
          status: 200,
          headers: { 'Content-Type': contentType, 'Content-Length': String(bytes.byteLength) },
        })
      },
    },
    {
      method: 'POST',
      path: '/query_tasks',
      handler: async (context) => {
        const parsed = QueryTaskStore.parseBody(await context.json())
        const params = {
          limit: context.query.int('limit'),
          applyFormatting: context.query.bool('apply_formatting'),
        }
        return { body: tasks.queryTask(context.viewer(), parsed, params) }
      },
    },
    {
      method: 'GET',
      path: '/query_tasks/:query_task_id',
      handler: (context) => ({
        body: tasks.queries.get(context.viewer(), context.params.query_task_id ?? ''),
      }),
    },
    {
      method: 'GET',
      path: '/query_tasks/:query_task_id/results',
      handler: (context) => {
        const result = tasks.queries.results(context.viewer(), context.params.query_task_id ?? '')
        // The spec's 202 "The query is not finished" carries no Retry-After.
        if (result.status === 202) return new Response(null, { status: 202 })
        const text = typeof result.body === 'string' ? result.body : JSON.stringify(result.body)
        return new Response(text, {
          status: 200,
          headers: { 'Content-Type': `${result.contentType}; charset=utf-8` },
        })
      },
    },
  ]
}
