// @vitest-environment node
import { execFile } from 'node:child_process'
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSimServer, type SimServer } from '../src/looker-sim/server'
import { execForm, parseDockerfile, splitFlags, type Stage } from './test/dockerfile.ts'
import { allowLoopbackHttp } from './test/http.ts'
import { requireBuild, ROOT, START_COMMAND, startServer, stopServers } from './test/serverProcess.ts'

/**
 * The Dockerfile, read and run: its build stage must use the commands `npm test` runs, and its runtime
 * stage is executed here step by step (the same files copied, the same install, the same command), since
 * no container engine runs on the test machine.
 */
const run = promisify(execFile)
const stages = parseDockerfile(await readFile(join(ROOT, 'Dockerfile'), 'utf8'))
const [buildStage, runtimeStage] = stages as [Stage, Stage]
const WORKDIR = '/app'

const commands = (stage: Stage, keyword: string) =>
  stage.instructions.filter((i) => i.keyword === keyword).map((i) => splitFlags(i.args))
const envOf = (stage: Stage) =>
  Object.fromEntries(
    commands(stage, 'ENV').flatMap(({ rest }) => [...rest.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]])),
  )
const healthcheck = () => execForm(commands(runtimeStage, 'HEALTHCHECK')[0].rest.replace(/^.*?CMD\s+/, ''))

describe('the Dockerfile', () => {
  it('builds with the commands npm test runs and runs the start script on node:20-slim, not as root', async () => {
    expect(stages.map((s) => s.from)).toEqual(['node:20-slim', 'node:20-slim'])
    expect(buildStage.name).toBe('build')
    expect(commands(buildStage, 'RUN').map((c) => c.rest)).toEqual([
      'npm ci --ignore-scripts --no-audit --no-fund',
      'npm run build',
    ])
    expect(await readFile(join(ROOT, 'scripts', 'test-all.sh'), 'utf8')).toMatch(/^run npm run build\b/m)
    expect(commands(runtimeStage, 'RUN').map((c) => c.rest)).toEqual([
      'npm ci --omit=dev --ignore-scripts --no-audit --no-fund',
    ])
    expect(commands(runtimeStage, 'USER').map((c) => c.rest)).toEqual(['node'])
    expect(execForm(commands(runtimeStage, 'CMD')[0].rest)).toEqual(START_COMMAND)
    expect(healthcheck()[0]).toBe('node')
    expect(healthcheck().join(' ')).toContain('/healthz')
    expect(commands(runtimeStage, 'EXPOSE').map((c) => c.rest)).toEqual([envOf(runtimeStage).PORT])
    expect(envOf(runtimeStage)).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' })
  })

  it('keeps local secrets, installed modules and earlier builds out of the build context', async () => {
    const ignored = (await readFile(join(ROOT, '.dockerignore'), 'utf8')).split('\n').map((l) => l.trim())
    for (const pattern of ['.env.local', '**/*.env', 'node_modules', 'dist', 'dist-*', '.git'])
      expect(ignored).toContain(pattern)
  })
})

describe('the runtime stage, run on this machine', { timeout: 180_000 }, () => {
  let looker: SimServer
  let folder: string

  beforeAll(async () => {
    await requireBuild()
    looker = await startSimServer({ log: false })
    folder = await mkdtemp(join(tmpdir(), 'lookbook-runtime-'))
  })
  afterAll(async () => {
    await looker?.close()
    if (folder) await rm(folder, { recursive: true, force: true })
  })
  beforeEach(allowLoopbackHttp)
  afterEach(stopServers)

  it('installs production dependencies only into a copy of the built output, starts, and serves', async () => {
    // COPY: from the build stage (whose /app is this checkout after `npm run build`) or the context.
    for (const { flags, rest } of commands(runtimeStage, 'COPY')) {
      const parts = rest.split(' ')
      const dest = posix.resolve(WORKDIR, parts.pop()!)
      for (const source of parts) {
        const from = flags.includes('--from=build') ? posix.relative(WORKDIR, source) : source
        const to = dest.endsWith('/') || parts.length > 1 ? join(dest, posix.basename(source)) : dest
        await cp(join(ROOT, from), join(folder, posix.relative(WORKDIR, to)), { recursive: true })
      }
    }
    expect((await readdir(folder)).sort()).toEqual([
      'dist',
      'dist-server',
      'package-lock.json',
      'package.json',
    ])

    // RUN, offline-friendly: the packages come from the local npm cache when it has them.
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...envOf(runtimeStage) }
    for (const { rest } of commands(runtimeStage, 'RUN'))
      await run('sh', ['-c', `${rest} --prefer-offline`], { cwd: folder, env })
    const installed = await readFile(join(folder, 'node_modules', '.package-lock.json'), 'utf8').then(
      (text) =>
        Object.entries((JSON.parse(text) as { packages: Record<string, { dev?: boolean }> }).packages),
      () => [], // npm 11 writes no node_modules at all when nothing is to be installed
    )
    expect(installed.filter(([, p]) => p.dev).map(([name]) => name)).toEqual([])

    // CMD, with the runtime stage's environment, on a free loopback port instead of 0.0.0.0:8080.
    const server = await startServer({
      cwd: folder,
      via: 'node',
      env: {
        ...envOf(runtimeStage),
        HOST: '127.0.0.1',
        PORT: '0',
        LOOKER_BASE_URL: looker.url,
        LOOKER_CLIENT_ID: 'demo-analyst',
        LOOKER_CLIENT_SECRET: 'demo-analyst-secret',
      },
    })
    expect(server.logs().find((e) => e.msg === 'listening')).toMatchObject({
      staticDir: join(folder, 'dist'),
    })
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' })
    const page = await fetch(`${server.url}/looks`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root"></div>')
    const user = await fetch(`${server.url}/api/4.0/user`)
    expect(user.status).toBe(200)
    expect(await user.json()).toMatchObject({ id: '2', display_name: 'Andy Analyst' })

    // HEALTHCHECK: the image's own probe succeeds against the server, and fails where nothing listens.
    const [probe, ...probeArgs] = healthcheck()
    const port = new URL(server.url).port
    await expect(run(probe, probeArgs, { env: { ...env, PORT: port } })).resolves.toBeDefined()
    process.kill(server.child.pid!, 'SIGTERM')
    expect(await server.exited).toBe(0)
    await expect(run(probe, probeArgs, { env: { ...env, PORT: port } })).rejects.toMatchObject({ code: 1 })
  })

  it('bundles the server so that it needs nothing but Node’s own modules', async () => {
    const bundle = await readFile(join(ROOT, 'dist-server', 'main.js'), 'utf8')
    const imports = [...bundle.matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1])
    const required = [
      ...bundle.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ]
    expect(imports.length).toBeGreaterThan(3)
    expect(imports.filter((name) => !name.startsWith('node:'))).toEqual([])
    expect(required.map((m) => m[1] ?? m[2])).toEqual([])
  })
})
