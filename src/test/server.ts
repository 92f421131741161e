import { afterEach, beforeEach } from 'vitest'
import { configureHttp } from '../lib/http'
import { createLookerSim, DEMO_CREDENTIALS, type DemoUserKey } from '../looker-sim/core'
import { createSimServer } from '../looker-sim/node'

/** The API root component tests talk to; msw intercepts it, so no real host is involved. */
export const TEST_API = 'http://looker.test/api/4.0'

/** One simulated Looker for the whole test file; setup.ts resets it (data, faults, log) before each test. */
export const sim = createLookerSim()

/** msw/node server running the simulator; it fails any request nothing handles. */
export const server = createSimServer(sim)

const initialTaskSettings = structuredClone(sim.tasks.settings)

/** Task durations and TTLs back to their defaults (setup.ts does it before each test). */
export function resetTaskSettings() {
  Object.assign(sim.tasks.settings, structuredClone(initialTaskSettings))
}

export interface RecordedRequest {
  method: string
  url: URL
  body: string
}

/** Call at the top of a test file: collects every request each test makes, with its body. */
export function recordRequests(): RecordedRequest[] {
  const requests: RecordedRequest[] = []
  const record = ({ request }: { request: Request }) => {
    void request
      .clone()
      .text()
      .then((body) => requests.push({ method: request.method, url: new URL(request.url), body }))
  }
  beforeEach(() => {
    requests.length = 0
    server.events.on('request:start', record)
  })
  afterEach(() => {
    server.events.removeListener('request:start', record)
  })
  return requests
}

/**
 * Points the transport at the simulator, signed in as one of the demo users (admin by default, see setup.ts).
 * The token is issued directly, so tests don't spend a request on /login.
 */
export function signInAs(user: DemoUserKey) {
  const token = sim.issueToken(DEMO_CREDENTIALS[user].clientId)
  configureHttp({ apiBaseUrl: TEST_API, getToken: () => token })
}
