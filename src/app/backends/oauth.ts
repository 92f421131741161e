import type { QueryClient } from '@tanstack/react-query'
import { USER_SIGNED_OUT, type AuthControls, type Backend } from '../../lib/backend'
import { configureHttp } from '../../lib/http'
import {
  CALLBACK_PATH,
  endOAuthSession,
  OAuthClient,
  oauthSettingsFrom,
  type OAuthSettings,
} from '../../lib/oauth'
import { TokenSession } from '../../lib/tokenSession'
import { errorMessage } from './errorMessage'

/** When this tab last went to Looker on its own: the guard against redirect loops. */
const AUTO_SIGN_IN_KEY = 'lookbook.oauth.autoSignInAt'
const AUTO_SIGN_IN_PAUSE_MS = 15_000

/** OAuth when the build names a Looker and an OAuth client (VITE_LOOKER_URL, VITE_LOOKER_OAUTH_CLIENT_ID). */
export function startOAuthFromBuild(queryClient: QueryClient): Backend | null {
  const settings = oauthSettingsFrom(import.meta.env, window.location.origin, import.meta.env.BASE_URL)
  return settings ? startOAuth(settings, queryClient) : null
}

/**
 * OAuth (a static build with VITE_LOOKER_URL and VITE_LOOKER_OAUTH_CLIENT_ID): the user's own Looker
 * account, authorization code + PKCE; the tokens live in memory only, so a reload means a new (usually
 * silent) round trip through Looker's /auth.
 */
export function startOAuth(settings: OAuthSettings, queryClient: QueryClient): Backend {
  const base = import.meta.env.BASE_URL
  const client = new OAuthClient(settings)
  const session = new TokenSession(() => client.refresh(), {
    renewAhead: true,
    describeFailure: errorMessage,
  })
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
      // Forgets the tokens first (a renewal in flight is ignored), then ends the session at Looker.
      const ended = endOAuthSession(client, session, USER_SIGNED_OUT)
      queryClient.clear()
      await ended
    },
    completeSignIn: async (search) => {
      try {
        const { token, returnTo } = await client.completeSignIn(search)
        session.accept(token)
        return returnTo
      } catch (error) {
        session.clear(errorMessage(error))
        throw error
      }
    },
  }
  const onCallback = window.location.pathname === `${base}${CALLBACK_PATH}`
  if (onCallback) session.markSigningIn()
  const lastAuto = Number(sessionStorage.getItem(AUTO_SIGN_IN_KEY) ?? 0)
  // Go straight to Looker (silent when already signed in there), unless the user signed out on purpose
  // or we tried a moment ago (no redirect loops).
  if (!onCallback && !client.wasSignedOut() && Date.now() - lastAuto > AUTO_SIGN_IN_PAUSE_MS) {
    const here = `${window.location.pathname}${window.location.search}${window.location.hash}`
    void signIn(here.startsWith(base) ? `/${here.slice(base.length)}` : '/')
  }
  return {
    mode: 'connected',
    label: new URL(settings.lookerUrl).host,
    lookerWebUrl: settings.lookerUrl,
    demo: null,
    auth,
  }
}
