/**
 * How simulated tasks are paced (docs/decisions/0015-render-pacing.md). The defaults are Looker's own:
 * 2 render jobs and 3 render caching (query) jobs at once, query results cached for an hour, async query
 * results kept 300 s. Durations come from the seeded model in model.ts unless a test fixes them.
 */
export interface TaskSettings {
  /** Render tasks `rendering` at once (Looker's `--concurrent-render-jobs`, default 2). */
  renderPool: number
  /** Render tasks `querying` at once (Looker's `--concurrent-render-caching-jobs`, default 3). */
  queryPool: number
  /**
   * Fixes each render task's work (pickups + query + render, in ms) to a value drawn evenly from this
   * range, instead of the model; waits for a pool slot come on top. For tests and the benchmark; null = model.
   */
  renderDurationMs: { min: number; max: number } | null
  /** Fixes each query task's duration (ms) likewise; null = the model's query time. */
  queryDurationMs: { min: number; max: number } | null
  /** An identical query run again within this time is served from Looker's cache (default policy: 1 hour). */
  queryCacheMs: number
  /** Render results expire this long after a task finishes (render_task_results → 404). Not documented. */
  resultTtlMs: number
  /** Query task results expire this long after the query ends (`--async-results-cache-time`, 300 s). */
  queryResultTtlMs: number
  /** Oldest finished tasks are forgotten beyond this many, so memory stays bounded. */
  maxTasks: number
}

export const DEFAULT_TASK_SETTINGS: TaskSettings = {
  renderPool: 2,
  queryPool: 3,
  renderDurationMs: null,
  queryDurationMs: null,
  queryCacheMs: 60 * 60_000,
  resultTtlMs: 10 * 60_000,
  queryResultTtlMs: 300_000,
  maxTasks: 200,
}

/** Partial settings from options, flags or a URL, falling back to the defaults; nonsense is refused. */
export function taskSettings(overrides: Partial<TaskSettings> = {}): TaskSettings {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined))
  const merged: TaskSettings = { ...DEFAULT_TASK_SETTINGS, ...defined }
  for (const name of ['renderPool', 'queryPool'] as const) {
    const value = merged[name]
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${name} must be a whole number ≥ 1, got ${value}`)
  }
  const range = (r: { min: number; max: number } | null) => {
    if (!r) return null
    const min = Math.max(0, Number.isFinite(r.min) ? r.min : 0)
    return { min, max: Math.max(min, Number.isFinite(r.max) ? r.max : min) }
  }
  return {
    ...merged,
    renderDurationMs: range(merged.renderDurationMs),
    queryDurationMs: range(merged.queryDurationMs),
  }
}

/** Parses "1000-20000" (or a single "3000") into a duration range; null when malformed. */
export function parseDurationRange(text: string | null | undefined): { min: number; max: number } | null {
  const match = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(text ?? '')
  if (!match) return null
  const min = Number(match[1])
  const max = match[2] === undefined ? min : Number(match[2])
  return max >= min ? { min, max } : null
}

/** Parses a pool size ("2"); null when it is not a whole number ≥ 1. */
export function parsePoolSize(text: string | null | undefined): number | null {
  if (!text || !/^\s*\d+\s*$/.test(text)) return null
  const value = Number(text)
  return value >= 1 ? value : null
}
