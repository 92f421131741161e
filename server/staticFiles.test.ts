// @vitest-environment node
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { precompressDir } from './precompress.ts'
import { indexStaticFiles, serveStatic, StaticDirError } from './staticFiles.ts'
import { allowLoopbackHttp, rawRequest } from './test/http.ts'

let dir: string
let server: Server
let base: string
/** The paths as the server received them. */
const received: string[] = []
const INDEX = `<!doctype html><html><head><title>Lookbook</title></head><body>${'<p>app</p>'.repeat(200)}</body></html>`
const SCRIPT = `export const answer = ${JSON.stringify('x'.repeat(4000))}\n`

beforeAll(async () => {
  // A build's shape: index.html, hashed assets/, unhashed public files, the build's .br/.gz copies.
  dir = await mkdtemp(join(tmpdir(), 'lookbook-static-'))
  await mkdir(join(dir, 'assets'))
  await writeFile(join(dir, 'index.html'), INDEX)
  await writeFile(join(dir, 'assets', 'index-AbC123xy.js'), SCRIPT)
  await writeFile(join(dir, 'assets', 'logo-Zz9.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  await writeFile(join(dir, 'mockServiceWorker.js'), `self.addEventListener('fetch', () => {})\n`.repeat(40))
  await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  await precompressDir(dir)
  const site = await indexStaticFiles(dir)
  server = createServer((req, res) => {
    received.push(req.url ?? '')
    serveStatic(site, req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await rm(dir, { recursive: true, force: true })
})

beforeEach(allowLoopbackHttp)

const get = (path: string, headers: Record<string, string> = {}) => rawRequest(`${base}${path}`, { headers })

describe('serving the built app', () => {
  it('gives hashed assets a year of immutable caching, and index.html and public files no-cache', async () => {
    const asset = await get('/assets/index-AbC123xy.js')
    expect(asset.status).toBe(200)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(asset.body.toString()).toBe(SCRIPT)
    for (const path of ['/', '/index.html', '/mockServiceWorker.js', '/favicon.svg']) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      expect(res.headers['cache-control'], path).toBe('no-cache')
    }
  })

  it('sends the brotli or gzip copy the client accepts, and says it varies by Accept-Encoding', async () => {
    const br = await get('/assets/index-AbC123xy.js', { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(Number(br.headers['content-length'])).toBe(br.body.length)
    expect(br.body.length).toBeLessThan(SCRIPT.length / 4)
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT)

    const gz = await get('/assets/index-AbC123xy.js', { 'Accept-Encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT)

    const refused = await get('/assets/index-AbC123xy.js', { 'Accept-Encoding': 'br;q=0, gzip;q=0.5' })
    expect(refused.headers['content-encoding']).toBe('gzip')

    const html = await get('/looks', { 'Accept-Encoding': 'br' })
    expect(html.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(html.body).toString()).toBe(INDEX)

    const plain = await get('/assets/index-AbC123xy.js', { 'Accept-Encoding': 'identity' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toBe('Accept-Encoding')
    expect(plain.body.toString()).toBe(SCRIPT)
  })

  it('answers a repeat visit with 304 when the ETag still matches, per encoding', async () => {
    const first = await get('/', { 'Accept-Encoding': 'br' })
    const again = await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': String(first.headers.etag) })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    const otherEncoding = await get('/', {
      'Accept-Encoding': 'gzip',
      'If-None-Match': String(first.headers.etag),
    })
    expect(otherEncoding.status).toBe(200)
  })

  it('draws app routes with index.html, but a missing asset is a 404, never the page', async () => {
    for (const path of ['/looks', '/looks/42', '/trash', '/oauth/callback?code=abc&state=xyz']) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      expect(res.body.toString(), path).toBe(INDEX)
    }
    // A look id may contain a dot; a browser navigation asks for a page.
    const dotted = await get('/looks/a.b', { Accept: 'text/html,application/xhtml+xml' })
    expect(dotted.body.toString()).toBe(INDEX)
    for (const path of ['/assets/index-Old999.js', '/assets/missing', '/favicon.png', '/robots.txt']) {
      const res = await get(path, { Accept: '*/*' })
      expect(res.status, path).toBe(404)
      expect(res.headers['content-type'], path).toBe('text/plain; charset=utf-8')
      expect(res.headers['cache-control'], path).not.toContain('immutable')
    }
  })

  it('never serves a file outside the folder, whatever the path says', async () => {
    const outside = join(dir, '..', `lookbook-secret-${process.pid}.txt`)
    await writeFile(outside, 'TOP-SECRET')
    try {
      const name = outside.split('/').pop()!
      for (const path of [`/../${name}`, `/%2e%2e/${name}`, `/assets/..%2f..%2f${name}`, `/..%5c${name}`]) {
        const res = await rawRequest(base, { rawPath: path, headers: { Accept: '*/*' } })
        expect(received.at(-1)).toBe(path)
        expect(res.body.toString(), path).not.toContain('TOP-SECRET')
      }
      expect((await get('/%E0%A4%A')).status).toBe(400)
    } finally {
      await rm(outside, { force: true })
    }
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await rawRequest(`${base}/assets/index-AbC123xy.js`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(Number(head.headers['content-length'])).toBe(SCRIPT.length)
    expect(head.body.length).toBe(0)
    const post = await rawRequest(`${base}/looks`, { method: 'POST', body: 'x' })
    expect(post.status).toBe(405)
    expect(post.headers.allow).toBe('GET, HEAD')
  })

  it('refuses to start on a folder without a build, saying what to run', async () => {
    await expect(indexStaticFiles(join(dir, 'nope'))).rejects.toThrow(StaticDirError)
    await expect(indexStaticFiles(join(dir, 'assets'))).rejects.toThrow(/no index\.html.*npm run build/)
  })
})
