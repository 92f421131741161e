import { setupServer, type SetupServer } from 'msw/node'
import { createSimHandlers } from './msw'
import type { LookerSim } from './core/sim'

/** msw/node server backed by the simulator, for vitest: `server.listen()` in beforeAll, `close()` after. */
export function createSimServer(sim: LookerSim): SetupServer {
  return setupServer(...createSimHandlers(sim))
}
