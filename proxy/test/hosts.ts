import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type Logger, type ViteDevServer } from 'vite'
import { requireBuild, ROOT, startServer } from '../../server/test/serverProcess.ts'

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
