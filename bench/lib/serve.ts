import { spawn, spawnSync, type ChildProcess } from 'node:child_process'

export interface BuildOptions {
  outDir: string
  /** 'demo' builds with VITE_DEMO=1 (.env.demo); otherwise the connected build. */
  mode?: 'demo' | 'production'
  /** The source tree to build (default: this one). */
  cwd?: string
}

/** A production build of the app into `outDir` (relative to `cwd`). */
export function build({ outDir, mode = 'production', cwd }: BuildOptions) {
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--mode', mode, '--outDir', outDir, '--logLevel', 'warn'],
    {
      stdio: 'inherit',
      cwd,
    },
  )
  if (result.status !== 0) throw new Error(`vite build failed (exit ${String(result.status)})`)
}

/** Builds the demo app (production mode, simulator included) into `outDir`, unless told to reuse it. */
export function buildDemo(outDir: string, reuse: boolean) {
  if (reuse) return
  console.log(`building the demo app into ${outDir} …`)
  build({ outDir, mode: 'demo' })
}

export interface Served {
  url: string
  stop: () => void
}

/** Starts a command in its own process group and resolves once `url` answers 2xx. */
async function startAndWait(
  command: string[],
  url: string,
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Served> {
  const [file = 'npx', ...args] = command
  const child: ChildProcess = spawn(file, args, {
    // Its own process group, so stopping it also stops the server npx started.
    stdio: 'ignore',
    detached: true,
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
  })
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
  }
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited with ${String(child.exitCode)}`)
    try {
      const res = await fetch(url)
      if (res.ok) return { url: new URL(url).origin, stop }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  stop()
  throw new Error(`${command.join(' ')} did not answer on ${url}`)
}

export interface ServeOptions {
  outDir: string
  port: number
  mode?: 'demo' | 'production'
  cwd?: string
  /** For the connected build: LOOKER_* for the server's proxy. */
  env?: Record<string, string>
}

/** Serves a build with `vite preview` (and its Looker proxy when LOOKER_* are set). */
export function serve({ outDir, port, mode = 'production', cwd, env }: ServeOptions): Promise<Served> {
  const command = ['npx', 'vite', 'preview', '--mode', mode, '--outDir', outDir]
  command.push('--host', '127.0.0.1', '--port', String(port), '--strictPort')
  return startAndWait(command, `http://127.0.0.1:${port}`, { cwd, env })
}

/** Serves `outDir` (a demo build) with `vite preview` and resolves once it answers. */
export function preview(outDir: string, port: number): Promise<Served> {
  return serve({ outDir, port, mode: 'demo' })
}

/** `npm run sim` on `port`: a simulated Looker over real HTTP, with one API key for a proxy to use. */
export function startSim(port: number, apiKey: { clientId: string; secret: string; userId: string }) {
  const command = ['npx', 'tsx', 'src/looker-sim/server.ts', '--port', String(port), '--host', '127.0.0.1']
  command.push('--api-key', `${apiKey.clientId}:${apiKey.secret}:${apiKey.userId}`)
  return startAndWait(command, `http://127.0.0.1:${port}/api/4.0/versions`)
}
