import type { QueryClient } from '@tanstack/react-query'
import type { AuthControls, Backend } from '../../lib/backend'
import { configureHttp } from '../../lib/http'
import { readRuntimeConfig, type RuntimeConfig } from '../../lib/runtimeConfig'
import { TokenSession } from '../../lib/tokenSession'
import { errorMessage } from './errorMessage'

export type ProxyConfig = Extract<RuntimeConfig, { mode: 'proxy' }>

/**
 * Connected through the server's proxy: it holds the API key and the token, so the browser sends no
 * credentials at all. The session here only tracks whether the proxy can sign in.
 */
export function startProxy(config: ProxyConfig, queryClient: QueryClient): Backend {
  const base = import.meta.env.BASE_URL
  const session = new TokenSession(
    async () => {
      // A refusal (403: another site, an unknown host name) is an error to show, like a failed sign-in.
      const answer = await readRuntimeConfig(`${base}__lookbook/session`, fetch, 'POST')
      if (answer?.mode !== 'proxy') throw new Error('The server did not answer as the Lookbook proxy.')
      if (answer.status === 'error') throw new Error(answer.problem.message)
      return { access_token: 'held-by-the-proxy', expires_in: null }
    },
    { describeFailure: errorMessage },
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
