/** How long simulated tasks take and how long their results are kept. */
export interface TaskSettings {
  /** Total render time range (ms); each task draws its own duration, repeatably for a seed. */
  renderDurationMs: { min: number; max: number }
  /** Total query task time range (ms). */
  queryDurationMs: { min: number; max: number }
  /** Results expire this long after a task finishes (render_task_results / query_task_results → 404). */
  resultTtlMs: number
  /**
   * Whether status responses of unfinished render tasks carry a Retry-After (whole seconds left, rounded
   * down). Looker documents Retry-After only on the 202 of render_task_results; this extension lets the
   * benchmark compare polling with and without a server hint.
   */
  statusRetryHints: boolean
  /** Oldest tasks are forgotten beyond this many, so memory stays bounded. */
  maxTasks: number
}

export const DEFAULT_TASK_SETTINGS: TaskSettings = {
  renderDurationMs: { min: 1_500, max: 5_000 },
  queryDurationMs: { min: 300, max: 1_200 },
  resultTtlMs: 10 * 60_000,
  statusRetryHints: true,
  maxTasks: 200,
}

/** Partial settings from options or a URL (`sim_render=1000-20000`), falling back to the defaults. */
export function taskSettings(overrides: Partial<TaskSettings> = {}): TaskSettings {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined))
  const merged: TaskSettings = { ...DEFAULT_TASK_SETTINGS, ...defined }
  const range = (r: { min: number; max: number }) => {
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
