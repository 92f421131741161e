import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { http, passthrough } from 'msw'
import { server as mswServer } from '../../src/test/server'

/**
 * Lets this file's requests to loopback servers past the component tests' msw catch-all
 * (src/test/setup.ts fails every unhandled request). Call in beforeEach: handlers reset after each test.
 */
export function allowLoopbackHttp() {
  mswServer.use(http.all(/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+\//, () => passthrough()))
}

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

/**
 * One HTTP request with exactly the headers given (fetch decides Host, Origin and Accept-Encoding itself),
 * the body returned as bytes, undecoded.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; rawPath?: string } = {},
): Promise<RawResponse> {
  const { hostname, port, pathname, search } = new URL(url)
  // rawPath goes out exactly as written: a URL string would have its dot segments resolved first.
  const path = options.rawPath ?? `${pathname}${search}`
  const target = { host: hostname, port, path, method: options.method ?? 'GET', headers: options.headers }
  return new Promise((resolve, reject) => {
    const req = httpRequest(target, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(options.body)
  })
}
