import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { login, logout } from './api/auth'
import {
  USER_SIGNED_OUT,
  type AuthControls,
  type Backend,
  type DemoControls,
  type DemoUserKey,
} from './lib/backend'
import { configureHttp } from './lib/http'
import { fixedIntervalPolicy, setPollingPolicy } from './lib/polling'
import { createQueryClient } from './lib/queryClient'
import { CALLBACK_PATH, OAuthClient, oauthSettingsFrom, type OAuthSettings } from './lib/oauth'
import { readRuntimeConfig, type RuntimeConfig } from './lib/runtimeConfig'
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
    // After "Stay" in the tab-close prompt the simulator's service worker has to be restarted first.
    ready: () => simulator.ready(),
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

const BASE = import.meta.env.BASE_URL
const messageOf = (error: unknown) => (error instanceof Error ? error.message : null)

/**
 * Connected through the dev/preview server's proxy: it holds the API key and the token, so the browser
 * sends no credentials at all. The session here only tracks whether the proxy can sign in.
 */
function startProxy(config: Extract<RuntimeConfig, { mode: 'proxy' }>): Backend {
  const session = new TokenSession(
    async () => {
      const res = await fetch(`${BASE}__lookbook/session`, { method: 'POST', cache: 'no-store' })
      const answer = (await res.json()) as RuntimeConfig
      if (answer.mode === 'proxy' && answer.status === 'error') throw new Error(answer.problem.message)
      return { access_token: 'held-by-the-proxy', expires_in: null }
    },
    { describeFailure: messageOf },
  )
  if (config.status === 'ok') session.accept({ access_token: 'held-by-the-proxy' })
  else session.clear(config.problem.message)
  configureHttp({
    apiBaseUrl: `${window.location.origin}/api/4.0`,
    getToken: () => null,
    reauthenticate: () => session.renew(),
  })
  const auth: AuthControls = {
    kind: 'proxy',
    session,
    signIn: async () => {
      session.markSigningIn()
      if (await session.renew()) await queryClient.resetQueries()
    },
    signOut: null,
    completeSignIn: null,
  }
  const label = config.lookerHost ?? 'Looker'
  const lookerWebUrl = config.status === 'ok' ? config.lookerWebUrl : null
  return { mode: 'connected', label, lookerWebUrl, demo: null, auth }
}

const AUTO_SIGN_IN_KEY = 'lookbook.oauth.autoSignInAt'

/**
 * OAuth (a static build with VITE_LOOKER_URL and VITE_LOOKER_OAUTH_CLIENT_ID): the user's own Looker
 * account, authorization code + PKCE; the tokens live in memory only, so a reload means a new (usually
 * silent) round trip through Looker's /auth.
 */
function startOAuth(settings: OAuthSettings): Backend {
  const client = new OAuthClient(settings)
  const session = new TokenSession(() => client.refresh(), { renewAhead: true, describeFailure: messageOf })
  configureHttp({
    apiBaseUrl: `${settings.apiUrl}/api/4.0`,
    getToken: () => session.current(),
    reauthenticate: () => session.renew(),
    // Nothing goes to Looker without a token while a sign-in is under way (e.g. on /oauth/callback).
    ready: () => session.settled(),
  })
  const signIn = async (returnTo: string) => {
    session.markSigningIn()
    sessionStorage.setItem(AUTO_SIGN_IN_KEY, String(Date.now()))
    window.location.assign(await client.beginSignIn(returnTo))
  }
  const auth: AuthControls = {
    kind: 'oauth',
    session,
    signIn,
    signOut: async () => {
      // Looker may refuse logout over CORS (sdk-codegen#1346); the token is forgotten here either way.
      await logout().catch(() => undefined)
      client.signOut()
      session.clear(USER_SIGNED_OUT)
      queryClient.clear()
    },
    completeSignIn: async (search) => {
      try {
        const { token, returnTo } = await client.completeSignIn(search)
        session.accept(token)
        return returnTo
      } catch (error) {
        session.clear(messageOf(error))
        throw error
      }
    },
  }
  const onCallback = window.location.pathname === `${BASE}${CALLBACK_PATH}`
  if (onCallback) session.markSigningIn()
  const lastAuto = Number(sessionStorage.getItem(AUTO_SIGN_IN_KEY) ?? 0)
  // Go straight to Looker (silent when already signed in there), unless the user signed out on purpose
  // or we tried a moment ago (no redirect loops).
  if (!onCallback && !client.wasSignedOut() && Date.now() - lastAuto > 15_000) {
    const here = `${window.location.pathname}${window.location.search}${window.location.hash}`
    void signIn(here.startsWith(BASE) ? `/${here.slice(BASE.length)}` : '/')
  }
  return {
    mode: 'connected',
    label: new URL(settings.lookerUrl).host,
    lookerWebUrl: settings.lookerUrl,
    demo: null,
    auth,
  }
}

/**
 * Demo unless told otherwise: a demo build (VITE_DEMO=1) always is; an OAuth build signs in with Looker;
 * otherwise the dev/preview server says whether it proxies a Looker. In connected mode the simulator's
 * chunk is never requested.
 */
async function chooseBackend(): Promise<Backend> {
  if (import.meta.env.VITE_DEMO === '1') return startDemo()
  const oauth = oauthSettingsFrom(import.meta.env, window.location.origin, BASE)
  if (oauth) return startOAuth(oauth)
  const config = await readRuntimeConfig(`${BASE}__lookbook/config`)
  if (config?.mode === 'proxy') return startProxy(config)
  return startDemo()
}

async function boot() {
  const backend = await chooseBackend()
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
