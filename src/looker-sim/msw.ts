import { http, HttpResponse } from 'msw'
import { SimNetworkError } from './core/errors'
import type { LookerSim } from './core/sim'

/**
 * msw handlers for the simulator: one catch-all that hands the Request to the core. Shared by the
 * browser worker (demo mode), msw/node (component tests) and nothing else; the core decides everything.
 */
export function createSimHandlers(sim: LookerSim) {
  return [
    http.all('*/api/4.0/*', async ({ request }) => {
      try {
        return await sim.handle(request)
      } catch (error) {
        // A dropped connection: fetch rejects with a TypeError, as it would for a real network failure.
        if (error instanceof SimNetworkError) return HttpResponse.error()
        throw error
      }
    }),
  ]
}
