import { describe, expect, it } from 'vitest'
import { readRuntimeConfig } from './runtimeConfig'

const answer = (status: number, body: unknown, type = 'application/json') =>
  (() =>
    Promise.resolve(
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } }),
    )) as typeof fetch

describe('reading what the server says at boot', () => {
  it('shows a refusal from the proxy as a connection problem, never as demo mode', async () => {
    const message =
      'The Lookbook proxy does not answer requests for host "lookbook.acme.com". … add it to PUBLIC_ORIGIN.'
    const refused = answer(403, { message, documentation_url: null, lookbook_proxy_problem: 'host' })
    expect(await readRuntimeConfig('/__lookbook/config', refused)).toEqual({
      mode: 'proxy',
      status: 'error',
      lookerHost: null,
      problem: { kind: 'host', message },
    })
  })

  it('reads demo, connected, and no server at all', async () => {
    expect(await readRuntimeConfig('/c', answer(200, { mode: 'demo' }))).toEqual({ mode: 'demo' })
    const ok = { mode: 'proxy', status: 'ok', lookerHost: 'l.test', lookerWebUrl: 'https://l.test' }
    expect(await readRuntimeConfig('/c', answer(200, ok))).toEqual(ok)
    expect(await readRuntimeConfig('/c', answer(404, { message: 'Not found' }))).toBeNull()
    expect(await readRuntimeConfig('/c', answer(200, '<html>', 'text/html'))).toBeNull()
  })
})
