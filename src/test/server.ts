import { configureHttp } from '../lib/http'
import { createLookerSim, DEMO_CREDENTIALS, type DemoUserKey } from '../looker-sim/core'
import { createSimServer } from '../looker-sim/node'

/** The API root component tests talk to; msw intercepts it, so no real host is involved. */
export const TEST_API = 'http://looker.test/api/4.0'

/** One simulated Looker for the whole test file; setup.ts resets it (data, faults, log) before each test. */
export const sim = createLookerSim()

/** msw/node server running the simulator; it fails any request nothing handles. */
export const server = createSimServer(sim)

/**
 * Points the transport at the simulator, signed in as one of the demo users (admin by default, see setup.ts).
 * The token is issued directly, so tests don't spend a request on /login.
 */
export function signInAs(user: DemoUserKey) {
  const token = sim.issueToken(DEMO_CREDENTIALS[user].clientId)
  configureHttp({ apiBaseUrl: TEST_API, getToken: () => token })
}
