import type { QueryClient } from '@tanstack/react-query'
import type { Backend } from '../../lib/backend'
import { oauthSettingsFrom } from '../../lib/oauth'
import { createQueryClient } from '../../lib/queryClient'
import { readRuntimeConfig } from '../../lib/runtimeConfig'
import { startDemo } from './demo'
import { startOAuth } from './oauth'
import { startProxy } from './proxy'

export interface Started {
  backend: Backend
  /** The cache of what this backend answered; its sign-in and demo controls reset it. */
  queryClient: QueryClient
}

/**
 * Demo unless told otherwise: a demo build (VITE_DEMO=1) always is; an OAuth build signs in with Looker;
 * otherwise the server says whether it proxies a Looker. In connected mode the simulator's chunk is never
 * requested.
 */
export async function chooseBackend(): Promise<Started> {
  const queryClient = createQueryClient()
  const start = async () => {
    if (import.meta.env.VITE_DEMO === '1') return startDemo(queryClient)
    const base = import.meta.env.BASE_URL
    const oauth = oauthSettingsFrom(import.meta.env, window.location.origin, base)
    if (oauth) return startOAuth(oauth, queryClient)
    const config = await readRuntimeConfig(`${base}__lookbook/config`)
    if (config?.mode === 'proxy') return startProxy(config, queryClient)
    return startDemo(queryClient)
  }
  return { backend: await start(), queryClient }
}
