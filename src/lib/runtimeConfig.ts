/**
 * What the dev/preview server says at boot (GET /__lookbook/config, served by proxy/lookerProxy.ts):
 * demo, or connected through the proxy. Host names only; the proxy keeps the key and the token.
 */
export type RuntimeConfig =
  | { mode: 'demo' }
  | { mode: 'proxy'; status: 'ok'; lookerHost: string; lookerWebUrl: string }
  | { mode: 'proxy'; status: 'error'; lookerHost: string | null; problem: { kind: string; message: string } }

function isRuntimeConfig(value: unknown): value is RuntimeConfig {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { mode?: unknown; status?: unknown }
  return v.mode === 'demo' || (v.mode === 'proxy' && (v.status === 'ok' || v.status === 'error'))
}

/** The proxy's refusals (`{message, lookbook_proxy_problem}`), e.g. a host name it does not know. */
function proxyRefusal(value: unknown): { kind: string; message: string } | null {
  if (typeof value !== 'object' || value === null) return null
  const v = value as { message?: unknown; lookbook_proxy_problem?: unknown }
  if (typeof v.message !== 'string' || typeof v.lookbook_proxy_problem !== 'string') return null
  return { kind: v.lookbook_proxy_problem, message: v.message }
}

/**
 * Reads the server's config (GET /__lookbook/config, or POST /__lookbook/session for a new sign-in), or
 * null where there is none (a static host answers 404 or index.html): then the build's own settings
 * decide (OAuth, else demo). A refusal from the proxy is an error to show, never a reason to fall back
 * to the demo.
 */
export async function readRuntimeConfig(
  path: string,
  fetchImpl: typeof fetch = fetch,
  method: 'GET' | 'POST' = 'GET',
): Promise<RuntimeConfig | null> {
  try {
    const res = await fetchImpl(path, { method, headers: { Accept: 'application/json' }, cache: 'no-store' })
    if (!/json/.test(res.headers.get('Content-Type') ?? '')) return null
    const body: unknown = await res.json()
    const refusal = proxyRefusal(body)
    if (!res.ok && refusal) return { mode: 'proxy', status: 'error', lookerHost: null, problem: refusal }
    return res.ok && isRuntimeConfig(body) ? body : null
  } catch {
    return null
  }
}
