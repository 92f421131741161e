import type { QueryClient } from '@tanstack/react-query'
import { login } from '../../api/auth'
import type { Backend, DemoControls, DemoUserKey } from '../../lib/backend'
import { configureHttp } from '../../lib/http'
import { TokenSession } from '../../lib/tokenSession'

/** Which demo user this tab signed in as, so a reload keeps it. */
const DEMO_USER_KEY = 'lookbook.demoUser'

/**
 * Demo mode: the simulated Looker runs in this page behind an msw service worker. This module is the only
 * code that reaches the simulator, and only through this dynamic import (lint-enforced, decision 0010), so a
 * connected user never downloads the simulator or msw.
 */
export async function startDemo(queryClient: QueryClient): Promise<Backend> {
  const { startDemoSimulator, DEMO_USERS } = await import('../../looker-sim/browser')
  const params = new URLSearchParams(window.location.search)
  const simulator = await startDemoSimulator({
    lookCount: params.get('sim_looks') ? Number(params.get('sim_looks')) : undefined,
    seed: params.get('sim_seed') ? Number(params.get('sim_seed')) : undefined,
    faults: params.get('sim_faults') ?? undefined,
    latencyMs: params.get('sim_latency') ? Number(params.get('sim_latency')) : undefined,
    renderDurations: params.get('sim_render') ?? undefined,
    renderPool: params.get('sim_render_pool') ?? undefined,
    queryPool: params.get('sim_query_pool') ?? undefined,
  })
  const stored = sessionStorage.getItem(DEMO_USER_KEY)
  let currentUser: DemoUserKey = stored === 'analyst' || stored === 'viewer' ? stored : 'admin'
  const session = new TokenSession(() => {
    const { clientId, clientSecret } = simulator.credentials[currentUser]
    return login(clientId, clientSecret)
  })
  configureHttp({
    apiBaseUrl: `${window.location.origin}/api/4.0`,
    getToken: () => session.current(),
    reauthenticate: () => session.renew(),
    // After "Stay" in the tab-close prompt the simulator's service worker has to be restarted first.
    ready: () => simulator.ready(),
  })
  await session.renew()
  // Everything cached was seen through the previous user's permissions, or is about data that is gone:
  // drop what no screen shows, and refetch what is on screen now.
  const refetchEverything = async () => {
    queryClient.removeQueries({ type: 'inactive' })
    await queryClient.resetQueries()
  }
  const demo: DemoControls = {
    users: DEMO_USERS,
    currentUser,
    switchUser: async (key) => {
      currentUser = key
      sessionStorage.setItem(DEMO_USER_KEY, key)
      session.clear()
      await session.renew()
      await refetchEverything()
    },
    resetDemoData: async () => {
      await simulator.resetDemoData()
      await refetchEverything()
    },
  }
  return { mode: 'demo', label: 'Demo data', lookerWebUrl: null, demo }
}
