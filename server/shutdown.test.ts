// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../src/looker-sim/core'
import { startSimServer, type SimServer } from '../src/looker-sim/server'
import { allowLoopbackHttp, rawRequest } from './test/http.ts'
import { requireBuild, startServer, stopServers, type ServerProcess } from './test/serverProcess.ts'

/**
 * SIGTERM with a request in flight. The simulator holds GET /user on its own clock, so the request stays
 * in flight exactly as long as the test wants, with no race against a timer.
 */
const HOLD_MS = 60_000
let clock: ManualClock
let looker: SimServer

beforeAll(async () => {
  await requireBuild()
  clock = new ManualClock(Date.now())
  looker = await startSimServer({ log: false, clock })
})
afterAll(() => looker?.close())
beforeEach(() => {
  allowLoopbackHttp()
  looker.sim.faults.setRules([])
})
afterEach(async () => {
  clock.advance(HOLD_MS) // let go of any request the simulator still holds
  await stopServers()
})

const ANALYST = { LOOKER_CLIENT_ID: 'demo-analyst', LOOKER_CLIENT_SECRET: 'demo-analyst-secret' }

/** Starts the server, signs it in, and leaves one GET /api/4.0/user held by the simulator. */
async function serverWithSlowRequest(via: 'npm' | 'node', env: Record<string, string> = {}) {
  const server = await startServer({ via, env: { LOOKER_BASE_URL: looker.url, ...ANALYST, ...env } })
  expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
  looker.sim.faults.setRules([{ kind: 'delay', rate: 1, delayMs: HOLD_MS, method: 'GET', path: '/user' }])
  const held = looker.sim.faults.stats.delay
  const slow = rawRequest(`${server.url}/api/4.0/user`)
  await until(() => looker.sim.faults.stats.delay > held) // it reached "Looker" and waits there
  return { server, slow }
}

async function until(condition: () => boolean, timeoutMs = 20_000) {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** SIGTERM to the process started (npm, or node), or to its whole process group as Ctrl-C and systemd do. */
async function terminate(server: ServerProcess, to: 'process' | 'group' = 'process') {
  let exited = false
  void server.exited.then(() => (exited = true))
  process.kill(to === 'group' ? -server.child.pid! : server.child.pid!, 'SIGTERM')
  await server.waitForLog((e) => String(e.msg).startsWith('shutting down'))
  return { stillRunning: () => !exited }
}

describe('SIGTERM', { timeout: 90_000 }, () => {
  it.each(['process', 'group'] as const)(
    'lets the request in flight finish, refuses new connections, then exits 0 (npm start, signal to the %s)',
    async (to) => {
      // To the group, the server gets the signal twice: from the kernel and forwarded by npm.
      const { server, slow } = await serverWithSlowRequest('npm')
      const { stillRunning } = await terminate(server, to)
      expect(server.logs().find((e) => String(e.msg).startsWith('shutting down'))).toMatchObject({
        signal: 'SIGTERM',
        inFlight: 1,
      })
      await expect(rawRequest(`${server.url}/healthz`)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
      expect(stillRunning()).toBe(true)

      clock.advance(HOLD_MS)
      const res = await slow
      expect(res.status).toBe(200)
      expect(JSON.parse(res.body.toString())).toMatchObject({ id: '2' })
      expect(res.headers.connection).toBe('close')
      expect(await server.exited).toBe(0)
      expect(server.logs().map((e) => e.msg)).toContain('stopped')
      expect(server.logs().find((e) => e.msg === 'request' && e.path === '/api/4.0/user')).toMatchObject({
        status: 200,
      })
    },
  )

  it('cuts what is still running at SHUTDOWN_TIMEOUT_SECONDS and exits 1 (the container’s command)', async () => {
    const { server, slow } = await serverWithSlowRequest('node', { SHUTDOWN_TIMEOUT_SECONDS: '1' })
    const failed = slow.then(
      () => 'answered',
      () => 'cut',
    )
    await terminate(server)
    expect(await server.exited).toBe(1)
    expect(await failed).toBe('cut')
    expect(server.logs().map((e) => e.msg)).toContain(
      'stopped at the deadline: the requests still in flight were cut',
    )
  })
})
