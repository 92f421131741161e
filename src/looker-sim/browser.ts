import { setupWorker } from 'msw/browser'
import { DEFAULT_LOOK_COUNT, DEFAULT_SEED } from './core/constants'
import { parseFaultSpec } from './core/faults'
import { DEMO_CREDENTIALS, DEMO_USERS } from './core/seed'
import { createLookerSim, type LookerSim } from './core/sim'
import type { SimSnapshot } from './core/store'
import { parseDurationRange, parsePoolSize } from './core/tasks'
import { createSimHandlers } from './msw'
import { restartAfterStay } from './restartAfterStay'
import { withWorkerUpdateFailuresCaught } from './workerUpdate'
import {
  idbSnapshotStorage,
  persistOnChange,
  snapshotKey,
  type Persistence,
  type SnapshotStorage,
} from './persistence'

export { DEMO_CREDENTIALS, DEMO_USERS }

export interface DemoSimulatorOptions {
  seed?: number
  lookCount?: number
  /** Fault spec, as in `?sim_faults=429@0.3@DELETE@/looks/*;drop@0.05@GET`. */
  faults?: string
  latencyMs?: number
  /** Fixed render task durations, as in `?sim_render=1000-20000` (ms, min-max); default: the model. */
  renderDurations?: string
  /** Render jobs at once, as in `?sim_render_pool=2` (Looker's default 2). */
  renderPool?: string
  /** Render caching (query) jobs at once, as in `?sim_query_pool=3` (Looker's default 3). */
  queryPool?: string
}

export interface DemoSimulator {
  sim: LookerSim
  /** The demo users' API3 keys (published on purpose; they only open the simulator). */
  credentials: typeof DEMO_CREDENTIALS
  /** Resolves when the simulator answers this page's requests (the app's HTTP transport waits for it). */
  ready(): Promise<void>
  /** Forget saved changes and go back to the seeded data. */
  resetDemoData(): Promise<void>
  stop(): void
}

declare global {
  /** The running demo simulator, for debugging in the console and for e2e inspection. */
  var __LOOKER_SIM__: LookerSim | undefined
}

/**
 * Demo mode: the simulator behind an msw service worker, started before the app's first request.
 * Changes persist in IndexedDB across reloads for the default data set (big generated sets are
 * cheap to rebuild and too big to store).
 */
export async function startDemoSimulator(options: DemoSimulatorOptions = {}): Promise<DemoSimulator> {
  const seed = checkedInteger('sim_seed', options.seed) ?? DEFAULT_SEED
  const lookCount = checkedInteger('sim_looks', options.lookCount) ?? DEFAULT_LOOK_COUNT
  const latencyMs = checkedInteger('sim_latency', options.latencyMs) ?? 0
  const faults = options.faults ? parseFaultSpec(options.faults) : []
  const key = snapshotKey(seed, lookCount)
  const storage = lookCount === DEFAULT_LOOK_COUNT ? await openStorage() : null
  const snapshot = storage ? await loadSnapshot(storage, key) : undefined

  const renderDurationMs = parseDurationRange(options.renderDurations) ?? undefined
  if (options.renderDurations && !renderDurationMs)
    throw new Error(`sim_render must look like 1000-20000, got ${options.renderDurations}.`)
  const tasks = {
    renderDurationMs,
    renderPool: checkedPool('sim_render_pool', options.renderPool),
    queryPool: checkedPool('sim_query_pool', options.queryPool),
  }
  const sim = createLookerSim({ seed, lookCount, faults, latencyMs, snapshot, tasks })
  const worker = setupWorker(...createSimHandlers(sim))
  const start = () =>
    withWorkerUpdateFailuresCaught(() =>
      worker.start({
        onUnhandledRequest: 'bypass',
        quiet: true,
        serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
      }),
    )
  await start()
  const gate = restartAfterStay({ stop: () => worker.stop(), start })
  const persistence: Persistence | null = storage ? persistOnChange(sim, storage, key) : null
  globalThis.__LOOKER_SIM__ = sim

  return {
    sim,
    credentials: DEMO_CREDENTIALS,
    ready: () => gate.ready(),
    async resetDemoData() {
      persistence?.cancel()
      await storage
        ?.clear()
        .catch((error: unknown) => console.warn('looker-sim: could not clear demo data', error))
      // reset() notifies listeners, so the (seeded) state is saved again shortly after: harmless.
      sim.reset()
    },
    stop() {
      persistence?.dispose()
      gate.dispose()
      worker.stop()
    },
  }
}

function checkedInteger(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got ${value}.`)
  return value
}

function checkedPool(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const size = parsePoolSize(text)
  if (size === null) throw new Error(`${name} must be a whole number of at least 1, got ${text}.`)
  return size
}

async function openStorage(): Promise<SnapshotStorage | null> {
  try {
    return await idbSnapshotStorage()
  } catch (error) {
    console.warn('looker-sim: IndexedDB unavailable; demo changes will not survive a reload', error)
    return null
  }
}

async function loadSnapshot(storage: SnapshotStorage, key: string): Promise<SimSnapshot | undefined> {
  try {
    return await storage.load(key)
  } catch (error) {
    console.warn('looker-sim: saved demo data unreadable; starting fresh', error)
    return undefined
  }
}
