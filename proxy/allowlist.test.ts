// @vitest-environment node
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createLookerSim } from '../src/looker-sim/core'
import { checkOperation, FORWARDED_OPERATIONS, NOT_FORWARDED } from './allowlist.ts'
import { API_PREFIX, parseApiPath } from './apiPath.ts'
import { appSourceFiles, scanTransportCalls, type TransportCall } from './test/transportCalls.ts'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const TRANSPORT = join(ROOT, 'src', 'lib', 'http')

/** The call as the proxy would see it: `{}` filled with an id, through the same path checks. */
function verdictFor(call: TransportCall) {
  const parsed = parseApiPath(`${API_PREFIX}${call.path.replaceAll('{}', 'id-7')}`)
  if (!parsed.ok) return { allowed: false as const, rule: parsed.rule }
  return checkOperation(call.method, parsed.path)
}

const describeCall = (c: TransportCall) => `${c.method} ${c.path} (${c.file.slice(ROOT.length)}:${c.line})`

describe('the operation allowlist covers the app', () => {
  const scan = scanTransportCalls(appSourceFiles(ROOT), TRANSPORT)

  it('finds the app’s calls to its transport, and can read every one of them', () => {
    expect(scan.problems).toEqual([])
    // The scan sees the app: a search, an edit and a render task at least.
    const seen = scan.calls.map((c) => `${c.method} ${c.path}`)
    expect(seen).toEqual(
      expect.arrayContaining(['GET /looks/search', 'PATCH /looks/{}', 'POST /render_tasks/looks/{}/{}']),
    )
  })

  it('allows every method and path the app sends (or refuses it on purpose, with a reason)', () => {
    const notCovered = scan.calls.filter((call) => {
      const verdict = verdictFor(call)
      return !verdict.allowed && !verdict.rule.startsWith('not_forwarded:')
    })
    expect(notCovered.map(describeCall)).toEqual([])
  })

  it('fails for a new API function that has no allowlist row', () => {
    const file = join(ROOT, 'src', 'api', 'oauthApps.ts')
    const text = `import { http, send as request, seg } from '../lib/http'
      export const registerApp = (id: string, body: unknown) =>
        http.post(\`/oauth_client_apps/\${seg(id)}\`, { body })
      export async function users() {
        const path = '/users'
        return (await request('GET', path)).data
      }
      export const hidden = (m: string) => request(m, '/looks/search')`
    const probe = scanTransportCalls([{ file, text }], TRANSPORT)
    expect(probe.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /oauth_client_apps/{}',
      'GET /users',
    ])
    expect(probe.calls.map((c) => verdictFor(c).allowed)).toEqual([false, false])
    expect(probe.problems).toEqual([expect.stringMatching(/oauthApps\.ts:8: write the method and path out/)])
  })

  it('lists only operations Looker has: the simulator (which says nothing Looker does not) has each row', () => {
    const routes = createLookerSim().router.routes()
    const specPath = (path: string) => path.replace(/:(\w+)/g, '{$1}')
    const missing = FORWARDED_OPERATIONS.filter(
      (op) => !routes.some((r) => r.method === op.method && specPath(r.path) === op.path),
    )
    expect(missing.map((op) => `${op.method} ${op.path} (${op.operation})`)).toEqual([])
  })

  it('names each row’s Looker operation once, with a spec-style path', () => {
    const all = [...FORWARDED_OPERATIONS, ...NOT_FORWARDED]
    expect(new Set(all.map((op) => op.operation)).size).toBe(all.length)
    for (const op of all) {
      expect(op.operation, op.path).toMatch(/^[a-z_]+$/)
      expect(op.path, op.operation).toMatch(/^(\/([a-z_]+|\{[a-z_]+\}))+$/)
    }
  })
})

describe('what the allowlist refuses', () => {
  it('anything not on it, such as registering an OAuth app, naming the rule', () => {
    expect(checkOperation('POST', '/oauth_client_apps/evil-app')).toMatchObject({
      allowed: false,
      rule: 'operation_allowlist',
      message: expect.stringContaining('POST /api/4.0/oauth_client_apps/evil-app') as string,
    })
    expect(checkOperation('DELETE', '/folders/1')).toMatchObject({ allowed: false })
    expect(checkOperation('GET', '/looks/1/copy')).toMatchObject({ allowed: false }) // copy is a POST
    expect(checkOperation('GET', '/looks/1/2')).toMatchObject({ allowed: false })
  })

  it('the proxy’s own login, with the reason', () => {
    expect(checkOperation('POST', '/login')).toMatchObject({
      allowed: false,
      rule: 'not_forwarded:login',
      message: expect.stringContaining('signs in with its own API key') as string,
    })
  })

  it('the operations the UI uses next are on it', () => {
    for (const [method, path] of [
      ['POST', '/queries'],
      ['GET', '/queries/q1'],
      ['GET', '/queries/q1/run/json_detail'],
      ['GET', '/looks/7/run/csv'],
      ['POST', '/looks'],
      ['GET', '/lookml_models/thelook/explores/orders'],
      ['POST', '/render_tasks/queries/q1/png'],
      ['GET', '/dashboards/search'],
      ['GET', '/dashboards/lookml/search'],
      ['GET', '/dashboards/thelook%3A%3Asales'],
      ['GET', '/content_thumbnail/look/7'],
      ['GET', '/scheduled_plans/look/7'],
      ['GET', '/dashboard_elements/search'],
    ])
      expect(checkOperation(method, path), `${method} ${path}`).toMatchObject({ allowed: true })
  })
})
