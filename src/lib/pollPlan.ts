/**
 * When to look next at a task whose end time is uncertain: the schedule of looks that costs least in
 * expectation, where a look costs `costMs` and every ms between the task's end and the look that sees
 * it costs 1 (docs/decisions/0008-render-polling.md). The end time comes as weighted samples, all after
 * `now` (the last look saw the task still running).
 *
 * Dynamic programming over a grid of candidate times: J(k) is the least expected cost from grid point k
 * on, given the task was still running there; J(k) = min over j > k of
 *   cost · P(running at k) + E[(t_j − end) · 1{t_k < end ≤ t_j}] + J(j).
 * The first step of the best schedule is the answer; the schedule is planned afresh at every look, with
 * whatever that look taught.
 */

export interface EndSample {
  /** When the task ends (same clock as `now`). */
  at: number
  weight: number
}

export interface PlanOptions {
  costMs: number
  minWaitMs: number
  maxWaitMs: number
  /** Grid points (more = finer, slower: the plan is O(points²)). */
  points?: number
}

export function nextLookIn(samples: EndSample[], now: number, options: PlanOptions): number {
  const { costMs, minWaitMs, maxWaitMs, points = 600 } = options
  const live = samples.filter((s) => s.at > now && s.weight > 0).sort((a, b) => a.at - b.at)
  const total = live.reduce((sum, s) => sum + s.weight, 0)
  if (!(total > 0)) return maxWaitMs
  // The grid reaches past nearly every sample, but not so far that its cells get coarse where the end is
  // likely (a long tail of "the guess was wrong" would stretch it): twice the 90th percentile, or the
  // longest wait. What lies beyond it is looked at every maxWaitMs.
  const likely = 2 * (quantile(live, total, 0.9) - now)
  const horizon = Math.max(
    minWaitMs,
    Math.min(quantile(live, total, 0.995) - now, Math.max(likely, maxWaitMs)),
  )
  // Cells that divide the longest wait evenly, so that wait is on the grid.
  const step = maxWaitMs / Math.ceil(maxWaitMs / Math.max(horizon / points, 5))
  const n = Math.ceil(horizon / step)
  const grid = Array.from({ length: n + 1 }, (_, k) => now + k * step)
  // Per grid cell (t_{k-1}, t_k]: its weight and weighted sum of end times.
  const mass = new Float64Array(n + 2)
  const timeMass = new Float64Array(n + 2)
  for (const s of live) {
    const cell = Math.min(n + 1, Math.max(1, Math.ceil((s.at - now) / step)))
    mass[cell] = (mass[cell] ?? 0) + s.weight / total
    timeMass[cell] = (timeMass[cell] ?? 0) + (s.weight / total) * s.at
  }
  const prefix = (arr: Float64Array) => {
    const out = new Float64Array(arr.length)
    let sum = 0
    for (let i = 0; i < arr.length; i++) out[i] = sum += arr[i] ?? 0
    return out
  }
  const massUpTo = prefix(mass)
  const timeUpTo = prefix(timeMass)
  const running = (k: number) => 1 - (massUpTo[k] ?? 0)
  // Beyond the grid: looks every maxWaitMs, so half of that late on average, plus their cost.
  const cost = new Float64Array(n + 1)
  const choice = new Int32Array(n + 1)
  cost[n] = running(n) * (costMs + maxWaitMs / 2)
  choice[n] = n
  // (Rounding guards: the longest wait is a whole number of cells, the shortest must not gain one.)
  const minCells = Math.max(1, Math.ceil(minWaitMs / step - 1e-9))
  const maxCells = Math.max(minCells, Math.floor(maxWaitMs / step + 1e-9))
  for (let k = n - 1; k >= 0; k--) {
    let best = Infinity
    // Latest first: of equally good next looks the latest wins (the plan is made afresh at each look).
    for (let j = Math.min(n, k + maxCells); j >= Math.min(n, k + minCells); j--) {
      const late = grid[j]! * (massUpTo[j]! - massUpTo[k]!) - (timeUpTo[j]! - timeUpTo[k]!)
      const value = costMs * running(k) + late + cost[j]!
      if (value < best - 1e-9) {
        best = value
        choice[k] = j
      }
    }
    cost[k] = best
  }
  const wait = (choice[0] ?? n) * step
  return Math.round(Math.min(maxWaitMs, Math.max(minWaitMs, wait)))
}

/** The time by which `share` of the (sorted) samples' weight has ended. */
export function quantile(sorted: EndSample[], total: number, share: number): number {
  let sum = 0
  for (const s of sorted) {
    sum += s.weight
    if (sum >= share * total) return s.at
  }
  return sorted.at(-1)?.at ?? 0
}
