import type { ApiVersion, ApiVersionElement } from '../api-types'
import { API_FULL_VERSION, API_PREFIX, LOOKER_RELEASE_VERSION } from '../constants'
import type { Route } from '../router'

/**
 * login reads client_id/client_secret from the form body, or from the query string (still accepted by
 * Looker, deprecated). Unlike a real instance, the simulator allows login over CORS so the app's demo
 * and e2e runs can use API3 keys from the browser.
 */
export const authRoutes: Route[] = [
  {
    method: 'POST',
    path: '/login',
    public: true,
    async handler({ form, query, store }) {
      const body = await form()
      const clientId = body.get('client_id') ?? query.string('client_id') ?? null
      const clientSecret = body.get('client_secret') ?? query.string('client_secret') ?? null
      return { body: store.login(clientId, clientSecret) }
    },
  },
  {
    method: 'DELETE',
    path: '/logout',
    handler({ store, token }) {
      if (token) store.logout(token)
      return { status: 204 }
    },
  },
  {
    method: 'GET',
    path: '/versions',
    public: true,
    handler({ origin }) {
      const current: ApiVersionElement = {
        version: '4.0',
        full_version: API_FULL_VERSION,
        status: 'current',
        swagger_url: `${origin}${API_PREFIX}/swagger.json`,
      }
      const versions: ApiVersion = {
        looker_release_version: LOOKER_RELEASE_VERSION,
        current_version: current,
        supported_versions: [current],
        api_server_url: origin,
        web_server_url: origin,
      }
      return { body: versions }
    },
  },
]
