/**
 * The writes that are waiting because Looker said "not now" (a 429, or a 503 with Retry-After), for the
 * app's one "Looker is busy, retrying in 3 s…" notice with Cancel (components/BusyNotice). The write rule
 * (lib/writeRule.ts) adds a wait and removes it when the wait is over; nothing else writes here.
 */
export interface BusyWait {
  id: number
  /** When the write is sent again (epoch ms). */
  until: number
  /** Ends the wait: the write fails with WriteCancelledError and nothing more is sent. */
  cancel: () => void
}

type Listener = () => void

let waits: readonly BusyWait[] = []
let nextId = 1
const listeners = new Set<Listener>()

function emit() {
  for (const listener of [...listeners]) listener()
}

export const busyWaits = {
  /** Adds a wait; the returned function removes it. */
  add(until: number, cancel: () => void): () => void {
    const wait: BusyWait = { id: nextId++, until, cancel }
    waits = [...waits, wait]
    emit()
    return () => {
      if (!waits.includes(wait)) return
      waits = waits.filter((w) => w !== wait)
      emit()
    }
  },
  /** The waits now (a new array after every change, as useSyncExternalStore wants). */
  current: (): readonly BusyWait[] => waits,
  // An arrow function: React's useSyncExternalStore calls it unbound.
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
  /** Cancels every wait shown: the notice's Cancel. */
  cancelAll() {
    for (const wait of waits) wait.cancel()
  },
}
