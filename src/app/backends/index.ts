import type { QueryClient } from '@tanstack/react-query'
import type { Backend } from '../../lib/backend'
import { applyBenchSwitches } from '../../lib/benchSwitches'
import { createQueryClient } from '../../lib/queryClient'
import { readRuntimeConfig } from '../../lib/runtimeConfig'

export interface Started {
  backend: Backend
  /** The cache of what this backend answered; its sign-in and demo controls reset it. */
  queryClient: QueryClient
}

/**
 * Demo unless told otherwise: a demo build (VITE_DEMO=1) always is; an OAuth build signs in with Looker;
 * otherwise the server says whether it proxies a Looker. Each backend is its own chunk, so a page loads
 * only the one it uses (and in connected mode never the simulator's).
 */
export async function chooseBackend(): Promise<Started> {
  // A benchmark build may swap the polling policy for its baseline (none other contains the switch).
  await applyBenchSwitches(window.location.search)
  const queryClient = createQueryClient()
  const startDemo = async () => (await import('./demo')).startDemo(queryClient)
  const start = async () => {
    if (import.meta.env.VITE_DEMO === '1') return startDemo()
    if (import.meta.env.VITE_LOOKER_OAUTH_CLIENT_ID) {
      const oauth = (await import('./oauth')).startOAuthFromBuild(queryClient)
      if (oauth) return oauth
    }
    const base = import.meta.env.BASE_URL
    // Most servers proxy a Looker: fetch that backend's code while asking.
    const proxy = import('./proxy')
    const config = await readRuntimeConfig(`${base}__lookbook/config`)
    if (config?.mode === 'proxy') return (await proxy).startProxy(config, queryClient)
    return startDemo()
  }
  return { backend: await start(), queryClient }
}
