import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { login } from './api/auth'
import type { Backend, DemoControls, DemoUserKey } from './lib/backend'
import { configureHttp } from './lib/http'
import { fixedIntervalPolicy, setPollingPolicy } from './lib/polling'
import { createQueryClient } from './lib/queryClient'
import { TokenSession } from './lib/tokenSession'

const DEMO_USER_KEY = 'lookbook.demoUser'
const queryClient = createQueryClient()

/**
 * Demo mode: the simulated Looker runs in this page behind an msw service worker. The import is dynamic
 * and behind a build-time flag, so a connected build never contains msw or the simulator.
 */
async function startDemo(): Promise<Backend> {
  const { startDemoSimulator, DEMO_USERS } = await import('./looker-sim/browser')
  const params = new URLSearchParams(window.location.search)
  const simulator = await startDemoSimulator({
    lookCount: params.get('sim_looks') ? Number(params.get('sim_looks')) : undefined,
    seed: params.get('sim_seed') ? Number(params.get('sim_seed')) : undefined,
    faults: params.get('sim_faults') ?? undefined,
    latencyMs: params.get('sim_latency') ? Number(params.get('sim_latency')) : undefined,
    renderDurations: params.get('sim_render') ?? undefined,
    renderHints: params.get('sim_render_hints') === '0' ? false : undefined,
  })
  // The render benchmark compares THE polling policy with the SDK example's fixed 0.5 s loop.
  if (params.get('poll') === 'fixed-500') setPollingPolicy(fixedIntervalPolicy(500))
  const stored = sessionStorage.getItem(DEMO_USER_KEY)
  let currentUser: DemoUserKey = stored === 'analyst' || stored === 'viewer' ? stored : 'admin'
  const credentialsOf = (key: DemoUserKey) => simulator.credentials[key]
  const session = new TokenSession(() => {
    const { clientId, clientSecret } = credentialsOf(currentUser)
    return login(clientId, clientSecret)
  })
  configureHttp({
    apiBaseUrl: `${window.location.origin}/api/4.0`,
    getToken: () => session.current(),
    reauthenticate: () => session.renew(),
  })
  await session.renew()
  const demo: DemoControls = {
    users: DEMO_USERS,
    currentUser,
    switchUser: async (key) => {
      currentUser = key
      sessionStorage.setItem(DEMO_USER_KEY, key)
      session.clear()
      await session.renew()
      // Everything cached was seen through the previous user's permissions: drop what no screen shows,
      // and refetch what is on screen now.
      queryClient.removeQueries({ type: 'inactive' })
      await queryClient.resetQueries()
    },
    resetDemoData: async () => {
      await simulator.resetDemoData()
      queryClient.removeQueries({ type: 'inactive' })
      await queryClient.resetQueries()
    },
  }
  return { mode: 'demo', label: 'Demo data', lookerWebUrl: null, demo }
}

function startConnected(): Promise<Backend> {
  // Connected mode (a real Looker through the dev/preview proxy) comes with the connected-mode issue.
  configureHttp({ apiBaseUrl: `${window.location.origin}/api/4.0`, getToken: () => null })
  return Promise.resolve({ mode: 'connected', label: window.location.host, lookerWebUrl: null, demo: null })
}

async function boot() {
  const backend = import.meta.env.VITE_DEMO === '1' ? await startDemo() : await startConnected()
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App backend={backend} queryClient={queryClient} />
    </StrictMode>,
  )
}

boot().catch((error: unknown) => {
  console.error(error)
  const root = document.getElementById('root')!
  root.textContent = ''
  const message = document.createElement('p')
  message.setAttribute('role', 'alert')
  message.style.cssText = 'font: 16px system-ui; padding: 24px'
  message.textContent = `Lookbook could not start: ${error instanceof Error ? error.message : String(error)}`
  root.append(message)
})
