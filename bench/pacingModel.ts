/**
 * npm run bench:pacing-model — bench:render's three workloads replayed in virtual time (bench/lib/
 * pacingReplay.ts): seconds instead of ten minutes, for tuning the pacing between runs of the real
 * benchmark, which stays the measure (docs/decisions/0008-render-polling.md).
 *
 * Options: MODEL_REPEATS (default 1: the looks bench:render uses; more = other looks too, then pooled),
 * PACING='{"requestCostMs":30}' (override the pacing's knobs), MODEL_TRACE=1 (each paced render's looks).
 */
import { figures, replayWorkloads, workloadRows, type ReplayResult } from './lib/pacingReplay'

const REPEATS = Number(process.env.MODEL_REPEATS ?? 1)

function report(result: ReplayResult) {
  for (const [name, samples] of workloadRows(result)) {
    const ours = figures(samples, 'paced')
    const fixed = figures(samples, 'fixed')
    const ratio = ours.requestsPerRender / fixed.requestsPerRender
    const met = ours.p50 <= fixed.p50 && ratio <= 0.5 ? 'met' : 'NOT met'
    const cell = (f: typeof ours) =>
      `p50 ${f.p50.toFixed(0).padStart(4)} p95 ${f.p95.toFixed(0).padStart(5)} req ${f.requestsPerRender.toFixed(1).padStart(4)}`
    console.log(
      `${name.padEnd(30)} ours ${cell(ours)} | fixed ${cell(fixed)} | ratio ${ratio.toFixed(2)} ${met}`,
    )
  }
}

async function main() {
  const pacing = process.env.PACING ? (JSON.parse(process.env.PACING) as Record<string, number>) : {}
  const trace = process.env.MODEL_TRACE ? (line: string) => console.log(line) : undefined
  const all: ReplayResult = { a: [], b: [], c: [] }
  for (let r = 0; r < REPEATS; r++) {
    const result = await replayWorkloads(r, { pacing, trace })
    all.a.push(...result.a)
    all.b.push(...result.b)
    all.c.push(...result.c)
  }
  console.log(`virtual time, ${REPEATS} run(s) of the three workloads; lateness = task end → image on screen`)
  report(all)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
