import { deriveSeed, Random } from '../random'

export type RenderStatus =
  'enqueued_for_query' | 'querying' | 'enqueued_for_render' | 'rendering' | 'success' | 'failure'

/** When each phase of a render task ends, on the simulator clock (ms since the epoch). */
export interface RenderTimeline {
  createdAt: number
  queryStartsAt: number
  queryEndsAt: number
  renderStartsAt: number
  finalizedAt: number
  /** Set when the task fails: it stops at `finalizedAt` in the phase named here. */
  failsIn: 'querying' | 'rendering' | null
}

/**
 * Splits a total duration drawn from `range` into Looker's four phases: a short queue wait, the query,
 * another short wait, then the render (usually the longest part). Same seed and task id → same timeline.
 */
export function planRenderTimeline(
  seed: number,
  taskId: string,
  createdAt: number,
  range: { min: number; max: number },
  failsIn: RenderTimeline['failsIn'] = null,
): RenderTimeline {
  const rng = new Random(deriveSeed(seed, `render-task:${taskId}`))
  const total = range.min + rng.next() * (range.max - range.min)
  const queueQuery = total * (0.03 + rng.next() * 0.05)
  const query = total * (0.2 + rng.next() * 0.25)
  const queueRender = total * (0.03 + rng.next() * 0.07)
  const queryStartsAt = createdAt + queueQuery
  const queryEndsAt = queryStartsAt + query
  const renderStartsAt = queryEndsAt + queueRender
  // A failing query stops the task when the query ends; a failing render two thirds into the render.
  const end = createdAt + total
  const finalizedAt =
    failsIn === 'querying'
      ? queryEndsAt
      : failsIn === 'rendering'
        ? renderStartsAt + (end - renderStartsAt) * 0.66
        : end
  return {
    createdAt,
    queryStartsAt: Math.round(queryStartsAt),
    queryEndsAt: Math.round(queryEndsAt),
    renderStartsAt: Math.round(renderStartsAt),
    finalizedAt: Math.round(finalizedAt),
    failsIn,
  }
}

export function statusAt(t: RenderTimeline, now: number): RenderStatus {
  if (now >= t.finalizedAt) return t.failsIn ? 'failure' : 'success'
  if (now < t.queryStartsAt) return 'enqueued_for_query'
  if (now < t.queryEndsAt) return 'querying'
  if (now < t.renderStartsAt) return 'enqueued_for_render'
  return 'rendering'
}

/** Seconds, as Looker reports runtimes (doubles); null for a phase that has not finished. */
export function runtimesAt(t: RenderTimeline, now: number) {
  const seconds = (ms: number) => Math.round(ms) / 1000
  const queryDone = now >= t.queryEndsAt && t.failsIn !== 'querying'
  const done = now >= t.finalizedAt
  return {
    query_runtime: queryDone ? seconds(t.queryEndsAt - t.queryStartsAt) : null,
    render_runtime: done && t.failsIn !== 'querying' ? seconds(t.finalizedAt - t.renderStartsAt) : null,
    runtime: done ? seconds(t.finalizedAt - t.createdAt) : null,
  }
}
