import { deriveSeed, Random } from '../random'

/**
 * How long a simulated task works, repeatably for a seed (docs/decisions/0015-render-pacing.md has the
 * model and where its numbers come from). Every duration is log-normal: median × e^(σ·Z).
 * - A target (a query, a look's visualization, a dashboard) has its own cost factor, drawn once per seed:
 *   some looks are slow and stay slow. Each run adds a smaller noise of its own (per attempt).
 * - A query's time is the warehouse's; an identical query within the cache time is a cache read.
 * - A render's time is the headless browser's: a fixed start-up plus a cost per megapixel, more for
 *   dashboards (one more cost per tile); its query phase waits for the slowest tile.
 */
export const MODEL = {
  /** A job waiting for a worker to pick it up, at each hand-off (create → query, query → render). */
  pickup: { medianMs: 200, sigma: 0.35, minMs: 60, maxMs: 1_500 },
  /** A query against the warehouse: per-query factor (wide: looks differ a lot) and per-run noise. */
  query: { medianMs: 1_500, targetSigma: 0.9, runSigma: 0.2, maxMs: 600_000 },
  /** A query answered from Looker's cache. */
  cachedQuery: { medianMs: 120, sigma: 0.3 },
  /** Drawing one look: browser start-up + per megapixel, times the look's factor and a small noise. */
  lookRender: { baseMs: 1_600, perMegapixelMs: 900, targetSigma: 0.3, runSigma: 0.06 },
  /** Drawing a dashboard: a heavier page, plus every tile. */
  dashboardRender: { baseMs: 2_400, perTileMs: 350, perMegapixelMs: 900, targetSigma: 0.3, runSigma: 0.06 },
  /** The render caching step runs a dashboard's tile queries side by side: the slowest, plus a little each. */
  perTileQueryMs: 100,
  /** With fixed durations (tests, benchmark), the render takes at most this share of the total. */
  maxRenderShare: 0.6,
} as const

/** A standard normal draw (Box–Muller) from the seeded stream. */
function normal(rng: Random): number {
  const u = 1 - rng.next() // (0, 1]
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next())
}

export function logNormal(rng: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng))
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

/** A target's lasting cost factor (median 1): the same for every run of it under one seed. */
function targetFactor(seed: number, label: string, sigma: number): number {
  return Math.exp(sigma * normal(new Random(deriveSeed(seed, label))))
}

export interface QueryInput {
  queryId: string
  /** Served from Looker's cache (an identical query ran recently). */
  cached: boolean
}

export interface RenderWorkInput {
  kind: 'look' | 'dashboard'
  /** The visualization's identity: a look's or query's query id, or the dashboard id. */
  targetId: string
  /** The queries the render caching step runs (one for a look, one per tile for a dashboard). */
  queries: QueryInput[]
  width: number
  height: number
  /** This target's render count in the session, from 1: each run gets its own noise. */
  attempt: number
}

/** The work of one render task in ms; queue waits for pool slots come on top (scheduler.ts). */
export interface RenderWork {
  pickupQueryMs: number
  queryMs: number
  pickupRenderMs: number
  renderMs: number
}

function queryMs(seed: number, query: QueryInput, rng: Random): number {
  if (query.cached) return logNormal(rng, MODEL.cachedQuery.medianMs, MODEL.cachedQuery.sigma)
  const { medianMs, targetSigma, runSigma, maxMs } = MODEL.query
  const factor = targetFactor(seed, `query-cost:${query.queryId}`, targetSigma)
  return Math.min(maxMs, logNormal(rng, medianMs * factor, runSigma))
}

function renderMs(seed: number, input: RenderWorkInput, rng: Random): number {
  const megapixels = (input.width * input.height) / 1_000_000
  if (input.kind === 'dashboard') {
    const m = MODEL.dashboardRender
    const median = m.baseMs + m.perTileMs * input.queries.length + m.perMegapixelMs * megapixels
    const factor = targetFactor(seed, `dashboard-render-cost:${input.targetId}`, m.targetSigma)
    return logNormal(rng, median * factor, m.runSigma)
  }
  const m = MODEL.lookRender
  const factor = targetFactor(seed, `render-cost:${input.targetId}`, m.targetSigma)
  return logNormal(rng, (m.baseMs + m.perMegapixelMs * megapixels) * factor, m.runSigma)
}

const pickup = (rng: Random) =>
  clamp(logNormal(rng, MODEL.pickup.medianMs, MODEL.pickup.sigma), MODEL.pickup.minMs, MODEL.pickup.maxMs)

/**
 * One render task's work. With `fixedTotal` (tests, benchmark) the parts add up to exactly that: the
 * render keeps its modelled time (at most 60 % of the total), the query takes the rest, as a slow
 * warehouse would.
 */
export function planRenderWork(
  seed: number,
  input: RenderWorkInput,
  fixedTotal: { min: number; max: number } | null,
): RenderWork {
  const rng = new Random(deriveSeed(seed, `render-run:${input.kind}:${input.targetId}:${input.attempt}`))
  let pickupQueryMs = pickup(rng)
  let pickupRenderMs = pickup(rng)
  const queries = input.queries.map((q) => queryMs(seed, q, rng))
  let query =
    Math.max(0, ...queries) + (input.kind === 'dashboard' ? MODEL.perTileQueryMs * queries.length : 0)
  let render = renderMs(seed, input, rng)
  if (fixedTotal) {
    const total = Math.round(fixedTotal.min + rng.next() * (fixedTotal.max - fixedTotal.min))
    pickupQueryMs = Math.min(pickupQueryMs, total * 0.05)
    pickupRenderMs = Math.min(pickupRenderMs, total * 0.05)
    render = Math.min(render, total * MODEL.maxRenderShare)
    const parts = [pickupQueryMs, pickupRenderMs, render].map(Math.round)
    const [pq = 0, pr = 0, r = 0] = parts
    return { pickupQueryMs: pq, pickupRenderMs: pr, renderMs: r, queryMs: Math.max(0, total - pq - pr - r) }
  }
  query = Math.round(query)
  return {
    pickupQueryMs: Math.round(pickupQueryMs),
    queryMs: query,
    pickupRenderMs: Math.round(pickupRenderMs),
    renderMs: Math.round(render),
  }
}

/** A query task's duration (ms): the query model, or a fixed range for tests. */
export function planQueryTaskMs(
  seed: number,
  query: QueryInput,
  attempt: number,
  fixed: { min: number; max: number } | null,
): number {
  const rng = new Random(deriveSeed(seed, `query-task-run:${query.queryId}:${attempt}`))
  if (fixed) return Math.round(fixed.min + rng.next() * (fixed.max - fixed.min))
  return Math.round(pickup(rng) + queryMs(seed, query, rng))
}
