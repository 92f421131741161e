import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The production server as a real process, started the way a person or the container starts it, for tests
 * over real HTTP. They need `npm run build` (npm test runs it before vitest).
 */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BUNDLE = join(ROOT, 'dist-server', 'main.js')

/** package.json's start script, and the command it execs (what the Dockerfile's CMD must say). */
export const START_SCRIPT = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts.start
export const START_COMMAND = START_SCRIPT.replace(/^exec\s+/, '').split(/\s+/)

/** Fails with what to do when the build is missing or older than the server's sources. */
export async function requireBuild(): Promise<void> {
  const missing = ['dist/index.html', 'dist-server/main.js'].filter((f) => !exists(join(ROOT, f)))
  if (missing.length > 0) throw new Error(`${missing.join(' and ')} missing: run \`npm run build\` first.`)
  const built = statSync(BUNDLE).mtimeMs
  for (const dir of ['server', 'proxy']) {
    for (const entry of await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue
      const file = join(entry.parentPath, entry.name)
      if (relative(join(ROOT, dir), file).startsWith(`test${sep}`)) continue // test helpers, not bundled
      if ((await stat(file)).mtimeMs > built)
        throw new Error(
          `dist-server/main.js is older than ${relative(ROOT, file)}: run \`npm run build\` first.`,
        )
    }
  }
}

function exists(path: string) {
  try {
    statSync(path)
    return true
  } catch {
    return false
  }
}

export interface ServerProcess {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string
  child: ChildProcess
  /** Every stdout line so far. */
  lines: string[]
  /** The stdout lines that are JSON log entries. */
  logs(): Record<string, unknown>[]
  waitForLog(predicate: (entry: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<void>
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>
}

const running = new Set<ChildProcess>()

export interface StartOptions {
  env?: Record<string, string>
  cwd?: string
  /** `npm start` (default), or the command it execs, as the container runs it. */
  via?: 'npm' | 'node'
  /** Wait for this long for the "listening" line; a cold start on a loaded machine takes seconds. */
  timeoutMs?: number
}

/**
 * Starts the server on a free port (PORT=0, loopback) with only the given settings in its environment,
 * and resolves once it logged that it listens.
 */
export function startServer({ env = {}, cwd = ROOT, via = 'npm', timeoutMs = 30_000 }: StartOptions = {}) {
  const [command, ...args] = via === 'npm' ? ['npm', 'start', '--silent'] : START_COMMAND
  const child = spawn(command, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so cleanup reaches npm's child too
  })
  running.add(child)
  const lines: string[] = []
  let stderr = ''
  let pending = ''
  const watchers = new Set<() => void>()
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n')
    pending = parts.pop() ?? ''
    lines.push(...parts)
    for (const watcher of watchers) watcher()
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child)
      resolve(code)
    }),
  )
  const logs = () =>
    lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>)
  const waitForLog = (predicate: (entry: Record<string, unknown>) => boolean, waitMs = timeoutMs) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!logs().some(predicate)) return
        done()
        resolve()
      }
      const timer = setTimeout(() => {
        done()
        reject(
          new Error(`No such log line within ${waitMs} ms. stdout:\n${lines.join('\n')}\nstderr:\n${stderr}`),
        )
      }, waitMs)
      const done = () => {
        clearTimeout(timer)
        watchers.delete(check)
      }
      void exited.then(() => {
        if (!watchers.has(check)) return
        done()
        reject(new Error(`The server exited. stdout:\n${lines.join('\n')}\nstderr:\n${stderr}`))
      })
      watchers.add(check)
      check()
    })
  return waitForLog((e) => e.msg === 'listening').then((): ServerProcess => {
    const listening = logs().find((e) => e.msg === 'listening')!
    return { url: String(listening.url).replace(/\/$/, ''), child, lines, logs, waitForLog, exited }
  })
}

/** Kills whatever a test left running (its whole process group, by the id of the process it started). */
export async function stopServers() {
  await Promise.all(
    [...running].map((child) => {
      const gone = new Promise((resolve) => child.once('exit', resolve))
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        return Promise.resolve() // already gone
      }
      return gone
    }),
  )
}
