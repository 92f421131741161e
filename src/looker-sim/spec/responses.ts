import { resolve, validate, type OpenApiDocument, type Operation, type Schema } from './openapi'

/** What the simulator answered, as the checks need it. */
export interface Answer {
  status: number
  contentType: string | null
  headers: Headers
  /** The raw body: text for JSON and text types, bytes otherwise. */
  text: string
  bytes: number
}

const isJson = (type: string | null) => type === 'application/json'
const mediaType = (header: string | null) => header?.split(';')[0]?.trim().toLowerCase() || null

/**
 * search_lookml_dashboards names one `DashboardLookml` ({dashboard_id, folder_id, lookml}) as its answer,
 * but its description returns "an array of LookML Dashboard objects" and it searches by title and sorts:
 * a list of `Dashboard`s, as `dashboard()` answers for a LookML id.
 */
const LISTS_INSTEAD: Record<string, Schema> = {
  search_lookml_dashboards: { type: 'array', items: { $ref: '#/components/schemas/Dashboard' } },
}

/** Where the spec allows Retry-After: documented on render_task_results' 202; 429 is left to faults. */
const RETRY_AFTER_ALLOWED = new Set(['render_task_results 202'])

/**
 * Every way an answer breaks the operation's documented responses. Where the spec contradicts itself we
 * follow what the operation's own description or HTTP says (docs/decisions/0015-render-pacing.md):
 * - a 204 has no body, whatever content the spec lists for it;
 * - result bodies the spec types as a JSON *string* (query_task_results, run_query, run_look) may be any
 *   JSON: the formats it names (json, json_detail, …) are arrays and objects;
 * - an error documented only under image/pdf media types (render_task_results) is JSON with that schema;
 * - a 202 may be empty even where the spec lists a string body (render_task_results says it is empty);
 * - 401 is undocumented everywhere but sent by real instances; it must be a Looker `Error` body;
 * - search_lookml_dashboards answers a list of dashboards, not the one DashboardLookml it names (below).
 */
export function checkAnswer(doc: OpenApiDocument, op: Operation, answer: Answer): string[] {
  const where = `${op.operationId} ${answer.status}`
  const type = mediaType(answer.contentType)
  const errors: string[] = []
  if (answer.headers.has('Retry-After') && answer.status !== 429 && !RETRY_AFTER_ALLOWED.has(where))
    errors.push(`${where}: Retry-After is not documented here`)
  const documented = op.responses[String(answer.status)]
  if (!documented && answer.status !== 401)
    return [...errors, `${where}: status not documented for this operation`]
  const empty = answer.bytes === 0
  if (answer.status === 204 || (documented && !documented.content)) {
    return empty ? errors : [...errors, `${where}: a body where the spec documents none`]
  }
  if (empty) return answer.status === 202 ? errors : [...errors, `${where}: empty body`]
  const content = documented?.content ?? {}
  const schema = schemaFor(doc, answer.status, content, type)
  if (schema === 'undocumented-type') return [...errors, `${where}: content type ${type} is not documented`]
  if (!isJson(type)) return errors
  let body: unknown
  try {
    body = JSON.parse(answer.text)
  } catch {
    return [...errors, `${where}: body is not JSON`]
  }
  if (schema === 'any-json') return errors
  const checked = (answer.status === 200 && LISTS_INSTEAD[op.operationId]) || schema
  return [...errors, ...validate(doc, checked, body).map((e) => `${where}: ${e}`)]
}

const ERROR_SCHEMA: Schema = { $ref: '#/components/schemas/Error' }

function schemaFor(
  doc: OpenApiDocument,
  status: number,
  content: Record<string, { schema?: Schema }>,
  type: string | null,
): Schema | 'any-json' | 'undocumented-type' {
  if (status === 401) return ERROR_SCHEMA
  const exact = type ? content[type] : undefined
  if (exact?.schema) {
    const resolved = resolve(doc, exact.schema)
    if (isJson(type) && resolved.type === 'string') return 'any-json'
    return exact.schema
  }
  if (type?.startsWith('text/') && content.text) return { type: 'string' }
  // Errors listed under image/pdf types only: JSON with the listed (object) schema.
  if (isJson(type) && status >= 400) {
    const listed = Object.values(content).find((m) => m.schema && resolve(doc, m.schema).properties)
    if (listed?.schema) return listed.schema
  }
  return 'undocumented-type'
}
