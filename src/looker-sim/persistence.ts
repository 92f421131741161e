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
 * Saves a snapshot as soon as something changes, so a reload right after an edit keeps it. Writes never
 * overlap: changes made while one is in flight are coalesced into a single follow-up write of the latest
 * state (a bulk restore of 100 looks is two writes, not 100). Failures are logged, never thrown: demo mode
 * must keep working without storage.
 */
export function persistOnChange(sim: LookerSim, storage: SnapshotStorage, key: string): Persistence {
  let dirty = false
  let stopped = false
  let writing: Promise<void> | null = null
  const drain = async () => {
    while (dirty && !stopped) {
      dirty = false
      try {
        await storage.save(key, sim.snapshot())
      } catch (error) {
        console.warn('looker-sim: could not save demo data', error)
      }
    }
  }
  const schedule = () => {
    dirty = true
    writing ??= drain().finally(() => {
      writing = null
    })
    return writing
  }
  const unsubscribe = sim.onChange(() => void schedule())
  const cancel = () => {
    dirty = false
  }
  return {
    flush: () => writing ?? Promise.resolve(),
    cancel,
    dispose: () => {
      stopped = true
      cancel()
      unsubscribe()
    },
  }
}
