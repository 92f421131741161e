import { ManualClock } from '../core/clock'
import { DEMO_CREDENTIALS, type DemoUserKey } from '../core/seed'
import { createLookerSim, type LookerSim } from '../core/sim'
import { isBrokenLook, rendersEveryTime } from '../core/tasks/failures'
import { resolve, specPath, type OpenApiDocument, type Operation, type Schema } from './openapi'
import { checkAnswer, type Answer } from './responses'

export interface Exchange {
  operationId: string
  method: string
  path: string
  status: number
  errors: string[]
}

export interface SendOptions {
  /** A demo user, or null for no token at all. Default: admin. */
  as?: DemoUserKey | null
  query?: Record<string, string>
  body?: unknown
  form?: Record<string, string>
}

export interface Sent {
  status: number
  json: unknown
}

/**
 * Drives the simulator through real requests and checks every answer against the spec: each exchange is
 * recorded with its operation and the ways it breaks the spec (none, when the simulator conforms).
 */
export class SpecHarness {
  readonly clock = new ManualClock()
  readonly sim: LookerSim
  readonly exchanges: Exchange[] = []
  private readonly tokens: Record<DemoUserKey, string>
  private readonly lazy = new Map<string, Promise<string>>()

  constructor(readonly doc: OpenApiDocument) {
    this.sim = createLookerSim({
      clock: this.clock,
      tokenTtlSeconds: 86_400,
      // Fixed, short work so a test can walk a task through every status on the clock.
      tasks: { renderDurationMs: { min: 2_000, max: 2_000 }, queryDurationMs: { min: 500, max: 500 } },
    })
    this.tokens = {
      admin: this.sim.issueToken(DEMO_CREDENTIALS.admin.clientId),
      analyst: this.sim.issueToken(DEMO_CREDENTIALS.analyst.clientId),
      viewer: this.sim.issueToken(DEMO_CREDENTIALS.viewer.clientId),
    }
  }

  /** The spec operation a simulator route implements (undefined when the spec has none). */
  operationFor(method: string, routePath: string): Operation | undefined {
    return this.doc.paths[specPath(routePath)]?.[method.toLowerCase()]
  }

  async send(method: string, path: string, options: SendOptions = {}): Promise<Sent> {
    const url = new URL(`http://looker.test/api/4.0${path}`)
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value)
    const headers: Record<string, string> = {}
    const as = options.as === undefined ? 'admin' : options.as
    if (as) headers.Authorization = `Bearer ${this.tokens[as]}`
    let body: string | undefined
    if (options.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(options.form).toString()
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    }
    const response = await this.sim.handle(new Request(url, { method, headers, body }))
    const bytes = new Uint8Array(await response.arrayBuffer())
    const contentType = response.headers.get('Content-Type')
    const binary = contentType !== null && /^(image\/|application\/pdf)/.test(contentType)
    const text = binary ? '' : new TextDecoder().decode(bytes)
    const answer: Answer = {
      status: response.status,
      contentType,
      headers: response.headers,
      text,
      bytes: bytes.length,
    }
    const match = this.sim.router.match(method, url.pathname.slice('/api/4.0'.length))
    const op = match.kind === 'found' ? this.operationFor(method, match.route.path) : undefined
    const errors = op ? checkAnswer(this.doc, op, answer) : [`${method} ${url.pathname}: no spec operation`]
    this.exchanges.push({
      operationId: op?.operationId ?? '?',
      method,
      path,
      status: response.status,
      errors,
    })
    let json: unknown = null
    if (contentType?.startsWith('application/json') && text) json = JSON.parse(text)
    return { status: response.status, json }
  }

  /** A healthy look the admin can see (it renders on its first try). */
  look() {
    const look = this.sim.store.data.looks.find((l) => rendersEveryTime(this.sim.store.seed, l))
    if (!look) throw new Error('no healthy look in the seed')
    return look
  }

  brokenLook() {
    const look = this.sim.store.data.looks.find((l) => !l.deleted && isBrokenLook(l))
    if (!look) throw new Error('no broken look in the seed')
    return look
  }

  /** A value for a path or query parameter, by its name in the spec; created on first use where needed. */
  async value(name: string): Promise<string> {
    const look = this.look()
    const query = this.sim.store.query(look.query_id)
    const known: Record<string, () => string | Promise<string>> = {
      look_id: () => look.id,
      folder_id: () => look.folder_id,
      user_id: () => DEMO_CREDENTIALS.admin.userId,
      query_id: () => look.query_id,
      slug: () => query?.slug ?? '',
      type: () => 'look',
      resource_id: () => look.id,
      dashboard_id: () => this.sim.store.data.dashboards[0]?.id ?? '',
      result_format: () => 'png',
      client_guid: () => 'spec-check-app',
      lookml_model_name: () => query?.model ?? '',
      model_name: () => query?.model ?? '',
      explore_name: () => query?.view ?? '',
      width: () => '800',
      height: () => '600',
      render_task_id: () =>
        this.created('render_task_id', `/render_tasks/looks/${look.id}/png`, { width: '800', height: '600' }),
      query_task_id: () =>
        this.created('query_task_id', '/query_tasks', {}, { query_id: look.query_id, result_format: 'json' }),
      query_task_ids: async () => this.value('query_task_id'),
    }
    const make = known[name]
    if (!make) throw new Error(`no value for parameter "${name}": add one to SpecHarness.value`)
    return make()
  }

  /** A JSON body for an operation that requires one: the schema's required and known writable fields. */
  bodyFor(op: Operation): unknown {
    const schema = op.requestBody?.content['application/json']?.schema
    if (!schema) return undefined
    const s = resolve(this.doc, schema)
    const look = this.look()
    const query = this.sim.store.query(look.query_id)
    const known: Record<string, unknown> = {
      title: `Spec check ${this.exchanges.length}`,
      description: 'Made by the spec conformance test',
      folder_id: look.folder_id,
      query_id: look.query_id,
      look_id: look.id,
      model: query?.model,
      view: query?.view,
      fields: query?.fields,
      limit: '10',
      result_format: 'json',
      dashboard_style: 'tiled',
      redirect_uri: 'https://lookbook.example.invalid/oauth/callback',
      display_name: 'Spec check',
      enabled: true,
    }
    const body: Record<string, unknown> = {}
    for (const [name, field] of Object.entries(s.properties ?? {})) {
      if (name in known && !(field as Schema & { readOnly?: boolean }).readOnly) body[name] = known[name]
      else if (s.required?.includes(name)) body[name] = placeholder(this.doc, field)
    }
    return body
  }

  private created(key: string, path: string, query: Record<string, string>, body?: unknown): Promise<string> {
    let pending = this.lazy.get(key)
    if (!pending) {
      pending = this.send('POST', path, { query, body }).then(({ status, json }) => {
        const id = (json as { id?: unknown } | null)?.id
        if (status !== 200 || typeof id !== 'string') throw new Error(`could not create a ${key}: ${status}`)
        return id
      })
      this.lazy.set(key, pending)
    }
    return pending
  }
}

function placeholder(doc: OpenApiDocument, schema: Schema): unknown {
  const s = resolve(doc, schema)
  switch (s.type) {
    case 'integer':
    case 'number':
      return 1
    case 'boolean':
      return true
    case 'array':
      return []
    case 'object':
      return {}
    default:
      return s.enum?.[0] ?? 'x'
  }
}
