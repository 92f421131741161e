import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { runPorts } from '../../e2e/ports'
import { startSimServer, type SimServer } from '../../src/looker-sim/server'

/**
 * One simulated Looker that every page of a benchmark shares (so renders from several pages queue in
 * the same pools, as on a real instance), and a connected build of the app in front of it, served by
 * `vite preview` with the proxy (docs/decisions/0009-connected-mode.md). No simulator runs in the pages.
 */
export interface ConnectedBench {
  sim: SimServer['sim']
  appUrl: string
  stop: () => Promise<void>
}

const API_USER = '1' // the admin: may render every seeded look

export function buildConnected(outDir: string, reuse: boolean) {
  if (reuse) return
  console.log(`building the app (connected, bench switches on) into ${outDir} …`)
  const result = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, VITE_BENCH: '1' },
  })
  if (result.status !== 0) throw new Error(`vite build failed (exit ${String(result.status)})`)
}

export async function startConnected(outDir: string): Promise<ConnectedBench> {
  // Quiet, default pools and the model's durations; each workload adjusts what it needs.
  const server = await startSimServer({ port: 0, log: false })
  const clientId = 'bench-render'
  const clientSecret = randomBytes(12).toString('hex')
  server.sim.store.data.credentials.push({
    client_id: clientId,
    client_secret: clientSecret,
    user_id: API_USER,
  })
  const [port] = runPorts('BENCH_RENDER_PORT', 1)
  const appUrl = `http://127.0.0.1:${port}`
  const child: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      stdio: 'ignore',
      // Its own process group, so stopping it also stops the server npx started.
      detached: true,
      env: {
        ...process.env,
        LOOKER_BASE_URL: server.url,
        LOOKER_CLIENT_ID: clientId,
        LOOKER_CLIENT_SECRET: clientSecret,
      },
    },
  )
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
    await server.close()
  }
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (child.exitCode !== null) {
      await server.close()
      throw new Error(`vite preview exited with ${String(child.exitCode)}`)
    }
    try {
      if ((await fetch(appUrl)).ok) return { sim: server.sim, appUrl, stop }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await stop()
  throw new Error(`vite preview did not answer on ${appUrl}`)
}
