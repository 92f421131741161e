import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type Logger, type ViteDevServer } from 'vite'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { startSimServer, type SimServer } from '../../src/looker-sim/server'
import { allowLoopbackHttp } from '../../server/test/http.ts'
import { requireBuild, ROOT, startServer } from '../../server/test/serverProcess.ts'
import { startFakeLooker, type FakeLooker, type FakeLookerMode } from './fakeLooker.ts'

export interface ApiKey {
  LOOKER_CLIENT_ID: string
  LOOKER_CLIENT_SECRET: string
}

/**
 * The two hosts of the shared proxy module, started for a test over real HTTP on a free port:
 * `npm start` (the built server, a real process) and `npm run dev` (Vite's dev server with the project's
 * own vite.config.ts, in this process). Both get exactly the given LOOKER_* settings.
 */
export type HostKind = 'npm start' | 'vite dev'
export const HOST_KINDS: HostKind[] = ['npm start', 'vite dev']

export interface AppHost {
  /** e.g. http://127.0.0.1:41234 */
  url: string
  /** Everything the server wrote to its terminal or log so far. */
  output(): string
  close(): Promise<void>
}

export async function startHost(kind: HostKind, env: Record<string, string>): Promise<AppHost> {
  return kind === 'npm start' ? startNpmStart(env) : startViteDev(env)
}

/** For `beforeAll`: `npm start` needs `npm run build` first. */
export async function prepareHost(kind: HostKind) {
  if (kind === 'npm start') await requireBuild()
}

async function startNpmStart(env: Record<string, string>): Promise<AppHost> {
  const server = await startServer({ env })
  return {
    url: server.url,
    output: () => server.lines.join('\n'),
    close: async () => {
      try {
        process.kill(-server.child.pid!, 'SIGKILL')
      } catch {
        return // already gone
      }
      await server.exited
    },
  }
}

/** An empty folder for Vite's envDir, so a developer's .env.local cannot change what is tested. */
const EMPTY_ENV_DIR = mkdtempSync(join(tmpdir(), 'lookbook-env-'))
const PROXY_ENV = ['LOOKER_BASE_URL', 'LOOKER_CLIENT_ID', 'LOOKER_CLIENT_SECRET', 'LOOKER_WEB_URL']

export async function startViteDev(
  env: Record<string, string>,
  server: { host?: string | boolean } = {},
): Promise<AppHost & { vite: ViteDevServer }> {
  const lines: string[] = []
  const logger = captureLogger(lines)
  // The plugin reads its settings with loadEnv, which reads process.env: set them just for the start.
  const saved = Object.fromEntries([...PROXY_ENV, 'LOOKBOOK_ALLOW_REMOTE'].map((k) => [k, process.env[k]]))
  for (const key of Object.keys(saved)) delete process.env[key]
  Object.assign(process.env, env)
  let vite: ViteDevServer
  try {
    vite = await createServer({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      envDir: EMPTY_ENV_DIR,
      customLogger: logger,
      clearScreen: false,
      server: { port: 0, host: '127.0.0.1', ...server, hmr: false, watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
    })
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
  await vite.listen()
  const address = vite.httpServer!.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { vite, url: `http://127.0.0.1:${port}`, output: () => lines.join('\n'), close: () => vite.close() }
}

function captureLogger(lines: string[]): Logger {
  const warned = new Set<string>()
  const logger: Logger = {
    hasWarned: false,
    info: (msg) => void lines.push(msg),
    warn: (msg) => {
      logger.hasWarned = true
      lines.push(msg)
    },
    warnOnce: (msg) => {
      if (warned.has(msg)) return
      warned.add(msg)
      logger.warn(msg)
    },
    error: (msg) => void lines.push(msg),
    clearScreen: () => undefined,
    hasErrorLogged: () => false,
  }
  return logger
}

export interface ProxyUnderTest {
  /** The simulator, standing in for Looker for the whole describe block. */
  readonly looker: SimServer
  /** The app on the host, connected to the simulator. */
  toSimulator(): Promise<AppHost>
  /** The app on the host, connected to a hostile or broken Looker (proxy/test/fakeLooker.ts). */
  toFake(mode?: Partial<FakeLookerMode>): Promise<{ app: AppHost; fake: FakeLooker }>
}

/**
 * The hooks every host test needs: the simulator for the block (with `apiKey` as one of its API keys), and
 * per test the app on `kind` with that key, stopped after the test with any fake Looker.
 */
export function proxyUnderTest(kind: HostKind, apiKey: ApiKey): ProxyUnderTest {
  let looker: SimServer | null = null
  let app: AppHost | null = null
  let fake: FakeLooker | null = null
  beforeAll(async () => {
    await prepareHost(kind)
    looker = await startSimServer({ log: false })
    const known = looker.sim.store.data.credentials
    if (!known.some((c) => c.client_id === apiKey.LOOKER_CLIENT_ID))
      known.push({
        client_id: apiKey.LOOKER_CLIENT_ID,
        client_secret: apiKey.LOOKER_CLIENT_SECRET,
        user_id: '2',
      })
  })
  afterAll(() => looker?.close())
  beforeEach(allowLoopbackHttp)
  afterEach(async () => {
    await app?.close()
    await fake?.close()
    app = fake = null
  })
  const connect = async (base: string) => (app = await startHost(kind, { LOOKER_BASE_URL: base, ...apiKey }))
  return {
    get looker() {
      return looker!
    },
    toSimulator: () => connect(looker!.url),
    toFake: async (mode) => {
      fake = await startFakeLooker(mode)
      return { app: await connect(fake.url), fake }
    },
  }
}
