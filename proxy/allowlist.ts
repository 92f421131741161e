/**
 * The Looker operations the proxy forwards, and nothing else: it acts with its own API user's rights, so
 * whoever reaches it may do exactly what the app does (issue 12). One row per operation: the method, the
 * path under /api/4.0 as the 4.0 spec writes it (`{…}` is one path segment: an opaque id or a format),
 * and the Looker operation it is (the spec's operationId). `proxy/allowlist.test.ts` checks that every
 * call the app's code makes to the transport (src/**) matches a row here or in NOT_FORWARDED, so a new
 * API function without a row fails a test rather than a user.
 */
export interface ApiOperation {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  /** The Looker operation (operationId in Looker.4.0.oas.json). */
  operation: string
}

const op = (method: ApiOperation['method'], path: string, operation: string): ApiOperation => ({
  method,
  path,
  operation,
})

export const FORWARDED_OPERATIONS: readonly ApiOperation[] = [
  // Who is signed in, and what they may do (Settings, the admin check for trash and admin pages)
  op('GET', '/versions', 'versions'),
  op('GET', '/user', 'me'),
  op('GET', '/users/{user_id}', 'user'),
  op('GET', '/users/{user_id}/roles', 'user_roles'),
  op('GET', '/users/search', 'search_users'),
  // Looks: search, the look page, edit, trash and restore, delete for good, copy and move
  op('GET', '/looks/search', 'search_looks'),
  op('GET', '/looks/{look_id}', 'look'),
  op('PATCH', '/looks/{look_id}', 'update_look'),
  op('DELETE', '/looks/{look_id}', 'delete_look'),
  op('POST', '/looks/{look_id}/copy', 'copy_look'),
  op('PATCH', '/looks/{look_id}/move', 'move_look'),
  // Folders: breadcrumbs, the folder picker and tree, the dashboards a look is on
  op('GET', '/folders/search', 'search_folders'),
  op('GET', '/folders/{folder_id}', 'folder'),
  op('GET', '/folders/{folder_id}/children', 'folder_children'),
  op('GET', '/folders/{folder_id}/ancestors', 'folder_ancestors'),
  // The data preview
  op('POST', '/query_tasks', 'create_query_task'),
  op('GET', '/query_tasks/{query_task_id}', 'query_task'),
  op('GET', '/query_tasks/{query_task_id}/results', 'query_task_results'),
  // Renders of looks, queries and dashboards, their progress and their image or PDF
  op('POST', '/render_tasks/looks/{look_id}/{result_format}', 'create_look_render_task'),
  op('POST', '/render_tasks/queries/{query_id}/{result_format}', 'create_query_render_task'),
  op('POST', '/render_tasks/dashboards/{dashboard_id}/{result_format}', 'create_dashboard_render_task'),
  op('GET', '/render_tasks/{render_task_id}', 'render_task'),
  op('GET', '/render_tasks/{render_task_id}/results', 'render_task_results'),
  // Next in the UI (issue 13): queries, explores, saving a query as a look, downloads of results
  op('POST', '/queries', 'create_query'),
  op('GET', '/queries/{query_id}', 'query'),
  op('GET', '/queries/{query_id}/run/{result_format}', 'run_query'),
  op('GET', '/lookml_models/{lookml_model_name}/explores/{explore_name}', 'lookml_model_explore'),
  op('POST', '/looks', 'create_look'),
  op('GET', '/looks/{look_id}/run/{result_format}', 'run_look'),
  // Next in the UI (issues 14, 15): dashboards, thumbnails (SVG), where a look is used, its schedules
  op('GET', '/dashboards/search', 'search_dashboards'),
  op('GET', '/dashboards/lookml/search', 'search_lookml_dashboards'),
  op('GET', '/dashboards/{dashboard_id}', 'dashboard'),
  op('GET', '/content_thumbnail/{type}/{resource_id}', 'content_thumbnail'),
  op('GET', '/dashboard_elements/search', 'search_dashboard_elements'),
  op('GET', '/scheduled_plans/look/{look_id}', 'scheduled_plans_for_look'),
]

/**
 * Operations the app's code defines but never sends through the proxy, and why: each gets a 403 naming
 * the reason, like anything else not forwarded.
 */
export const NOT_FORWARDED: readonly (ApiOperation & { why: string })[] = [
  {
    method: 'POST',
    path: '/login',
    operation: 'login',
    why: 'the proxy signs in with its own API key (api/auth.ts login is for the demo simulator)',
  },
]

export type OperationVerdict =
  { allowed: true; operation: string } | { allowed: false; rule: string; message: string }

const segmentsOf = (path: string) => path.split('/').slice(1)

function matches(pattern: string, path: string): boolean {
  const want = segmentsOf(pattern)
  const got = segmentsOf(path)
  return (
    want.length === got.length &&
    want.every((w, i) => (w.startsWith('{') && w.endsWith('}') ? got[i] !== '' : w === got[i]))
  )
}

/** Whether `method path` (a normalised path under /api/4.0, proxy/apiPath.ts) is an allowed operation. */
export function checkOperation(method: string, path: string): OperationVerdict {
  const allowed = FORWARDED_OPERATIONS.find((op) => op.method === method && matches(op.path, path))
  if (allowed) return { allowed: true, operation: allowed.operation }
  const refused = NOT_FORWARDED.find((op) => op.method === method && matches(op.path, path))
  if (refused) {
    return {
      allowed: false,
      rule: `not_forwarded:${refused.operation}`,
      message: `The Lookbook proxy does not forward ${method} /api/4.0${refused.path} (${refused.operation}): ${refused.why}.`,
    }
  }
  return {
    allowed: false,
    rule: 'operation_allowlist',
    message:
      `The Lookbook proxy forwards only the Looker operations the app uses, and ${method} /api/4.0${path} ` +
      'is not one of them (proxy/allowlist.ts).',
  }
}
