// @vitest-environment node
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Route } from '../core/router'
import { CASES } from './cases'
import { SpecHarness } from './harness'
import type { OpenApiDocument } from './openapi'

// The official spec, vendored byte for byte (vendor/looker-api/README.md: source, version, licence).
const SPEC_FILE = fileURLToPath(new URL('../../../vendor/looker-api/Looker.4.0.oas.json', import.meta.url))
const SPEC_SHA256 = 'c64144684b2d375b6815d85870919c74bb1dbae2ab8eb5405ddaa6df71cb7746'
const specBytes = readFileSync(SPEC_FILE)
const doc = JSON.parse(specBytes.toString('utf8')) as OpenApiDocument

/** Every operation the simulator serves, from its own router: a new route is checked without a word here. */
const routes: Route[] = new SpecHarness(doc).sim.router.routes()

/** The generic requests every operation gets: as documented, without a token, and with an unknown id. */
async function driveGenerically(h: SpecHarness, route: Route) {
  const op = h.operationFor(route.method, route.path)!
  const names = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!)
  const values = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await h.value(n)] as const)))
  const pathWith = (overrides: Record<string, string> = {}) =>
    route.path.replace(/:([A-Za-z0-9_]+)/g, (_, n: string) =>
      encodeURIComponent(overrides[n] ?? values[n] ?? ''),
    )
  const query: Record<string, string> = {}
  for (const p of op.parameters ?? [])
    if (p.in === 'query' && p.required) query[p.name] = await h.value(p.name)
  const body = op.requestBody?.required ? h.bodyFor(op) : undefined
  if (!op.requestBody?.content['application/x-www-form-urlencoded']) {
    await h.send(route.method, pathWith(), { query, body })
  }
  if (!route.public) await h.send(route.method, pathWith(), { as: null, query, body })
  const idParam = names.find((n) => n.endsWith('_id'))
  if (idParam) await h.send(route.method, pathWith({ [idParam]: '987654321' }), { query, body })
}

describe('the simulated Looker answers as the Looker API 4.0 spec says', () => {
  it('checks against the published spec, unchanged', () => {
    expect(createHash('sha256').update(specBytes).digest('hex')).toBe(SPEC_SHA256)
    expect(doc.info.version).toBe('4.0.26.12')
  })

  it('serves no operation the spec lacks', () => {
    const h = new SpecHarness(doc)
    const missing = routes
      .filter((r) => !h.operationFor(r.method, r.path))
      .map((r) => `${r.method} ${r.path}`)
    expect(missing).toEqual([])
  })

  it.each(routes.map((route) => ({ route, name: `${route.method} ${route.path}` })))(
    '$name: documented statuses, bodies exactly as the schema',
    async ({ route }) => {
      const h = new SpecHarness(doc)
      const op = h.operationFor(route.method, route.path)
      if (!op) throw new Error(`${route.method} ${route.path} is not in the spec`)
      await driveGenerically(h, route)
      await CASES[op.operationId]?.(h)
      const problems = h.exchanges.flatMap((e) => e.errors)
      expect(problems).toEqual([])
      const own = h.exchanges.filter((e) => e.operationId === op.operationId)
      const succeeded = own.some((e) => e.status >= 200 && e.status < 300)
      if (!succeeded)
        throw new Error(
          `${op.operationId}: no request succeeded (${own.map((e) => e.status).join(', ')}); add a case to CASES in cases.ts`,
        )
    },
  )
})
