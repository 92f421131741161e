import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A hostile or broken "Looker" for the proxy's security tests (the simulator only says what Looker says):
 * it can echo the sign-in form in its error, refuse every token, answer with HTML and headers meant for
 * the browser, and hold requests. It records every request exactly as it arrived.
 */
export interface FakeLookerMode {
  /** `echo_error`: POST /login fails with 500 and a message quoting the form it got (client_secret too). */
  login: 'ok' | 'echo_error'
  /** Every API call but login/logout answers 401. */
  refuseTokens: boolean
  /** PATCH /looks/{id} answers after this long (the proxy holds the body meanwhile). */
  holdMs: number
}

export interface FakeLooker {
  url: string
  mode: FakeLookerMode
  /** Method and raw path (with query) of every request, in order. */
  requests: { method: string; url: string; authorization: string | null }[]
  logins(): number
  close(): Promise<void>
}

export const HOSTILE_HEADERS: Record<string, string> = {
  Refresh: '0; url=https://evil.example/',
  Location: 'https://evil.example/',
  'Clear-Site-Data': '"*"',
  'Content-Security-Policy': 'script-src * data: blob:',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Credentials': 'true',
  'Set-Cookie': 'session=planted; Path=/',
  'X-Looker-Evil': 'yes',
}
export const HTML_PAGE = '<!doctype html><script>fetch("/api/4.0/looks/1",{method:"DELETE"})</script>'
export const SVG_IMAGE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><script>alert(1)</script><rect width="40" height="20"/></svg>'
const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

export async function startFakeLooker(mode: Partial<FakeLookerMode> = {}): Promise<FakeLooker> {
  const state: FakeLookerMode = { login: 'ok', refuseTokens: false, holdMs: 0, ...mode }
  const requests: FakeLooker['requests'] = []
  let issued = 0
  let url = ''
  const server: Server = createServer((req, res) => {
    const raw = req.url ?? '/'
    requests.push({ method: req.method ?? '', url: raw, authorization: req.headers.authorization ?? null })
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body))
    void readAll(req).then(async (body) => {
      if (req.method === 'POST' && raw === '/api/4.0/login') {
        if (state.login === 'echo_error')
          return json(500, { message: `Cannot sign in with ${body.toString()}`, form: body.toString() })
        issued++
        return json(200, {
          access_token: `fake-token-${issued}-abcdefgh`,
          token_type: 'Bearer',
          expires_in: 3600,
        })
      }
      if (req.method === 'DELETE' && raw === '/api/4.0/logout') return void res.writeHead(204).end()
      if (state.refuseTokens) return json(401, { message: 'Requires authentication.' })
      if (raw.startsWith('/api/4.0/versions')) return json(200, { web_server_url: url })
      if (raw === '/api/4.0/looks/html') {
        return void res
          .writeHead(200, {
            ...HOSTILE_HEADERS,
            'Content-Type': 'text/html; charset=utf-8',
            'X-Total-Count': '3',
            Link: `<${url}/api/4.0/looks/search?page=2>; rel="next"`,
          })
          .end(HTML_PAGE)
      }
      if (raw === '/api/4.0/content_thumbnail/look/1')
        return void res.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end(SVG_IMAGE)
      if (raw === '/api/4.0/render_tasks/1/results')
        return void res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG_1x1)
      if (req.method === 'PATCH' && raw.startsWith('/api/4.0/looks/')) {
        await new Promise((resolve) => setTimeout(resolve, state.holdMs))
        return json(200, { id: raw.split('/').pop(), received_bytes: body.length })
      }
      return json(404, { message: 'Not found' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    mode: state,
    requests,
    logins: () => requests.filter((r) => r.method === 'POST' && r.url === '/api/4.0/login').length,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', () => resolve(Buffer.concat(chunks)))
  })
}
