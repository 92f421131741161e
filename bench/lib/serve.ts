import { spawn, spawnSync, type ChildProcess } from 'node:child_process'

/** Builds the demo app (production mode, simulator included) into `outDir`, unless told to reuse it. */
export function buildDemo(outDir: string, reuse: boolean) {
  if (reuse) return
  console.log(`building the demo app into ${outDir} …`)
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--mode', 'demo', '--outDir', outDir, '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  )
  if (result.status !== 0) throw new Error(`vite build failed (exit ${String(result.status)})`)
}

/** Serves `outDir` with `vite preview` and resolves once it answers. */
export async function preview(outDir: string, port: number): Promise<{ url: string; stop: () => void }> {
  const url = `http://127.0.0.1:${port}`
  const child: ChildProcess = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--mode',
      'demo',
      '--outDir',
      outDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    // Its own process group, so stopping it also stops the server npx started.
    { stdio: 'ignore', detached: true },
  )
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
  }
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${String(child.exitCode)}`)
    try {
      const res = await fetch(url)
      if (res.ok) return { url, stop }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  stop()
  throw new Error(`vite preview did not answer on ${url}`)
}
