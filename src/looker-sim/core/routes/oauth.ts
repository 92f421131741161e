import { jsonResponse } from '../http'
import { OAuthGrantError, type AuthorizeRequest, type OAuthClientApp, type SimOAuth } from '../oauth'
import type { Route } from '../router'
import type { SimStore } from '../store'

/** register_oauth_client_app and all_oauth_client_apps (admins only, as in Looker). */
export function oauthAppRoutes(oauth: SimOAuth): Route[] {
  return [
    {
      method: 'POST',
      path: '/oauth_client_apps/:client_guid',
      async handler({ params, json, viewer }) {
        const body = (await json()) as Partial<OAuthClientApp>
        return { body: oauth.register(params.client_guid ?? '', body, viewer()) }
      },
    },
    {
      method: 'GET',
      path: '/oauth_client_apps',
      handler({ viewer }) {
        if (!viewer().isAdmin) return { body: [] }
        return { body: [...oauth.apps.values()] }
      },
    },
  ]
}

export const OAUTH_PATHS = ['/auth', '/api/token']

/**
 * The two OAuth endpoints outside /api/4.0: `/auth` (Looker's consent page on the web host; here it also
 * stands in for Looker's own sign-in, so the user picks a demo user) and `/api/token` (the code exchange).
 */
export async function handleOAuthRequest(
  request: Request,
  url: URL,
  oauth: SimOAuth,
  store: SimStore,
): Promise<Response> {
  const method = request.method.toUpperCase()
  if (url.pathname === '/api/token') {
    if (method !== 'POST') return jsonResponse(405, { message: 'Use POST.' })
    const params = await bodyParams(request)
    try {
      return jsonResponse(200, await oauth.token(params), { 'Cache-Control': 'no-store' })
    } catch (error) {
      if (error instanceof OAuthGrantError)
        return jsonResponse(400, error.body(), { 'Cache-Control': 'no-store' })
      throw error
    }
  }
  const params = method === 'POST' ? await bodyParams(request) : url.searchParams
  const authorize: AuthorizeRequest = {
    client_id: params.get('client_id'),
    redirect_uri: params.get('redirect_uri'),
    response_type: params.get('response_type'),
    code_challenge: params.get('code_challenge'),
    code_challenge_method: params.get('code_challenge_method'),
  }
  const checked = oauth.checkAuthorize(authorize)
  if ('problem' in checked)
    return html(400, page('Sign-in refused', `<p role="alert">${escapeHtml(checked.problem)}</p>`))
  const state = params.get('state')
  const back = new URL(checked.app.redirect_uri)
  if (method === 'GET') return html(200, consentPage(checked.app, params, store))
  if (params.get('decision') !== 'allow') {
    back.searchParams.set('error', 'access_denied')
  } else {
    try {
      back.searchParams.set('code', oauth.issueCode(authorize, params.get('user_id') ?? ''))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return html(400, page('Sign-in refused', `<p role="alert">${escapeHtml(message)}</p>`))
    }
  }
  if (state !== null) back.searchParams.set('state', state)
  return new Response(null, {
    status: 302,
    headers: { Location: back.toString(), 'Cache-Control': 'no-store' },
  })
}

async function bodyParams(request: Request): Promise<URLSearchParams> {
  const text = await request.text()
  if (/json/i.test(request.headers.get('Content-Type') ?? '')) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>
      return new URLSearchParams(Object.entries(parsed).map(([k, v]) => [k, String(v)]))
    } catch {
      return new URLSearchParams()
    }
  }
  return new URLSearchParams(text)
}

const PASSED_ON = [
  'client_id',
  'redirect_uri',
  'response_type',
  'code_challenge',
  'code_challenge_method',
  'state',
  'scope',
]

function consentPage(app: OAuthClientApp, params: URLSearchParams, store: SimStore): string {
  const hidden = PASSED_ON.filter((name) => params.has(name))
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name) ?? '')}">`)
    .join('')
  const users = store.data.users
    .filter((u) => !u.is_disabled)
    .map(
      (u, i) =>
        `<label><input type="radio" name="user_id" value="${escapeHtml(u.id)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(`${u.first_name} ${u.last_name}`)}</label><br>`,
    )
    .join('')
  return page(
    `Allow ${app.display_name} to use your Looker account?`,
    `<form method="post" action="/auth">${hidden}
<fieldset><legend>Sign in as (simulated Looker users)</legend>${users}</fieldset>
<p>${escapeHtml(app.display_name)} will be able to use the Looker API on your behalf.</p>
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button></form>`,
  )
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title></head><body style="font:16px system-ui;max-width:40rem;margin:2rem auto"><h1>${escapeHtml(title)}</h1>${body}</body></html>`
}

function html(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
