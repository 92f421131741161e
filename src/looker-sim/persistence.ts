import type { LookerSim } from './core/sim'
import type { SimSnapshot } from './core/store'
import { openKeyValueStore, type KeyValueStore } from './idb'

export const SIM_DB_NAME = 'lookbook-looker-sim'

/** Snapshots are keyed by what produced the seeded data, so another seed never loads stale state. */
export const snapshotKey = (seed: number, lookCount: number) => `snapshot:v1:seed=${seed}:looks=${lookCount}`

export interface SnapshotStorage {
  load(key: string): Promise<SimSnapshot | undefined>
  save(key: string, snapshot: SimSnapshot): Promise<void>
  clear(): Promise<void>
}

export async function idbSnapshotStorage(dbName = SIM_DB_NAME): Promise<SnapshotStorage> {
  const kv: KeyValueStore = await openKeyValueStore(dbName)
  return {
    load: (key) => kv.get<SimSnapshot>(key),
    save: (key, snapshot) => kv.put(key, snapshot),
    clear: () => kv.clear(),
  }
}

export interface Persistence {
  /** Writes any pending snapshot now. */
  flush(): Promise<void>
  /** Drops a pending write (e.g. before clearing storage); later changes are saved again. */
  cancel(): void
  /** Cancels and stops listening. */
  dispose(): void
}

/**
 * Saves a snapshot after changes, debounced so a burst of edits (a bulk restore) is one write.
 * Failures are logged, never thrown: demo mode must keep working without storage.
 */
export function persistOnChange(
  sim: LookerSim,
  storage: SnapshotStorage,
  key: string,
  debounceMs = 300,
): Persistence {
  let timer: ReturnType<typeof setTimeout> | undefined
  let writing: Promise<void> = Promise.resolve()
  const write = () => {
    timer = undefined
    const snapshot = sim.snapshot()
    writing = writing
      .then(() => storage.save(key, snapshot))
      .catch((error: unknown) => console.warn('looker-sim: could not save demo data', error))
    return writing
  }
  const unsubscribe = sim.onChange(() => {
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(() => void write(), debounceMs)
  })
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }
  return {
    flush: () => {
      if (timer === undefined) return writing
      cancel()
      return write()
    },
    cancel,
    dispose: () => {
      cancel()
      unsubscribe()
    },
  }
}
