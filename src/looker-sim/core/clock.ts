/** Time source for the simulator. Everything time-dependent (tokens, timestamps, delays, tasks) reads it. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Resolves after `ms` of this clock's time. Optional: real timers are used when absent. */
  sleep?(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}

interface PendingSleep {
  wakeAt: number
  resolve: () => void
}

/** A clock tests move by hand; sleepers wake when `advance`/`set` passes their wake-up time. */
export class ManualClock implements Clock {
  private current: number
  private sleepers: PendingSleep[] = []

  constructor(start: number = Date.UTC(2026, 10, 1, 9, 0, 0)) {
    this.current = start
  }

  now(): number {
    return this.current
  }

  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve()
    return new Promise((resolve) => this.sleepers.push({ wakeAt: this.current + ms, resolve }))
  }

  advance(ms: number): void {
    this.set(this.current + ms)
  }

  set(ms: number): void {
    this.current = ms
    const due = this.sleepers.filter((s) => s.wakeAt <= ms)
    this.sleepers = this.sleepers.filter((s) => s.wakeAt > ms)
    for (const sleeper of due) sleeper.resolve()
  }
}

export function sleepOn(clock: Clock, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve()
  return clock.sleep ? clock.sleep(ms) : systemClock.sleep!(ms)
}
