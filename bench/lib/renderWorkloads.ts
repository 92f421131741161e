import type { Variant } from './renderPage'

/**
 * What bench:render's workloads render, in one place: the benchmark in a browser (bench/render.ts) and
 * its replay in virtual time (pacingReplay.ts) must run the same renders. `offset` shifts the looks
 * (the replay's further runs); the benchmark uses 0.
 */
export const WORKLOAD_DEFAULTS = { rendersA: 24, roundsB: 6, looksC: 6 } as const

/** Both variants in alternating order, so neither always goes first. */
export const inTurn = (i: number): Variant[] => (i % 2 === 0 ? ['paced', 'fixed'] : ['fixed', 'paced'])

/** (a) the i-th of `renders` renders, one at a time: its work, fixed and spread evenly over 1–20 s … */
export const workA = (i: number, renders: number) =>
  Math.round(1_000 + (i * 19_000) / Math.max(1, renders - 1))
/** … on a different look each time. */
export const lookA = <T>(looks: T[], i: number, offset = 0): T => looks[(i + offset) % looks.length]

/** (b) round `round`: 6 looks rendered together in 6 fresh tabs. */
export const groupB = <T>(looks: T[], round: number, offset = 0): T[] =>
  Array.from({ length: 6 }, (_, j) => looks[(round * 6 + j + 20 + offset) % looks.length])

/** (c) the k-th look, rendered 3 times in a row at these sizes. */
export const lookC = <T>(looks: T[], k: number, offset = 0): T => looks[(k + 50 + offset) % looks.length]
export const SIZES_C: [number, number][] = [
  [800, 600],
  [1200, 900],
  [1600, 1200],
]
