// @vitest-environment node
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { allowLoopbackHttp, rawRequest } from './test/http.ts'
import { requireBuild, ROOT, startServer, stopServers } from './test/serverProcess.ts'
import { indexStaticFiles } from './staticFiles.ts'

/** Issue 12: source maps with the full sources were built into dist/ and served. */
beforeAll(requireBuild)
beforeEach(allowLoopbackHttp)
afterEach(stopServers)

async function builtFiles(): Promise<string[]> {
  const entries = await readdir(join(ROOT, 'dist'), { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

describe('no source maps in the served app', { timeout: 90_000 }, () => {
  it('the build puts none in dist/, and its scripts point at none', async () => {
    const files = await builtFiles()
    expect(files.filter((f) => /\.map(\.br|\.gz)?$/.test(f))).toEqual([])
    const scripts = files.filter((f) => f.endsWith('.js'))
    expect(scripts.length).toBeGreaterThan(3)
    for (const file of scripts) expect(await readFile(file, 'utf8'), file).not.toMatch(/sourceMappingURL/)
  })

  it('npm start answers 404 for a script’s map', async () => {
    const server = await startServer()
    const html = await (await fetch(`${server.url}/`)).text()
    const entry = /<script type="module" crossorigin src="([^"]+)"/.exec(html)![1]
    expect((await rawRequest(`${server.url}${entry}`)).status).toBe(200)
    const map = await rawRequest(`${server.url}${entry}.map`, { headers: { Accept: '*/*' } })
    expect(map.status).toBe(404)
  })

  it('the server never indexes a map, even from a build that made one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lookbook-maps-'))
    try {
      await writeFile(join(dir, 'index.html'), '<!doctype html><title>x</title>')
      await writeFile(join(dir, 'app.js'), 'console.log(1)\n//# sourceMappingURL=app.js.map')
      await writeFile(join(dir, 'app.js.map'), '{"sourcesContent":["secret source"]}')
      const site = await indexStaticFiles(dir)
      expect([...site.files.keys()].sort()).toEqual(['/app.js', '/index.html'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
