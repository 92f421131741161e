/**
 * npm run bench:saves — how often a single Save of a look succeeds under the chaos specs of issue 17, with the
 * write rule (lib/writeRule.ts, decision 0017) against the path before it (one GET to check `updated_at`,
 * one PATCH, nothing sent again), side by side in one run against the same simulator.
 *
 * Each save is the app's own `lookWrites.update` (after) or the same two requests sent once (before), over the
 * app's HTTP transport to the simulator (msw in Node, no port). Real Retry-After waits, so it takes minutes.
 * Options: BENCH_SAVES (per spec and variant, default 40), BENCH_PARALLEL (saves at once, default 8).
 */
import { getLook, updateLook } from '../src/api/looks'
import { lookWrites } from '../src/api/lookWrites'
import { configureHttp } from '../src/lib/http'
import { createLookerSim, DEMO_CREDENTIALS } from '../src/looker-sim/core'
import { parseFaultSpec } from '../src/looker-sim/core/faults'
import { createSimServer } from '../src/looker-sim/node'

const SAVES = Number(process.env.BENCH_SAVES ?? 40)
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 8)
const SPECS = ['429@0.3;503@0.1;drop@0.05', '429@0.5;503@0.2;drop@0.1']
const API = 'http://looker.bench/api/4.0'

const sim = createLookerSim()
const server = createSimServer(sim)
server.listen({ onUnhandledRequest: 'error' })
// One look per save: parallel saves of one look would meet each other's edits (edit conflicts), not faults.
const LOOKS = sim.store.data.looks.filter((l) => !l.deleted).map((l) => l.id)
if (LOOKS.length < SAVES) throw new Error(`Only ${LOOKS.length} looks for ${SAVES} saves`)
const token = sim.issueToken(DEMO_CREDENTIALS.admin.clientId)
configureHttp({ apiBaseUrl: API, getToken: () => token })

type Save = (n: number) => Promise<unknown>

const before: Save = async (n) => {
  const lookId = LOOKS[n]
  await getLook(lookId)
  return updateLook(lookId, { description: `before ${n}` })
}

const after: Save = async (n) => {
  const lookId = LOOKS[n]
  const current = sim.store.look(lookId)?.updated_at ?? undefined
  return lookWrites.update.send(
    { lookId, changes: { description: `after ${n}` }, expectedUpdatedAt: current },
    { showWaits: false },
  )
}

interface Result {
  ok: number
  requests: number
  seconds: number
  reasons: Map<string, number>
}

async function run(spec: string, save: Save): Promise<Result> {
  sim.faults.setRules(parseFaultSpec(spec))
  const logged = sim.requestLog.length
  const started = performance.now()
  let ok = 0
  const reasons = new Map<string, number>()
  let next = 0
  const worker = async () => {
    while (next < SAVES) {
      const n = next++
      await save(n).then(
        () => ok++,
        (error: unknown) => {
          const reason = error instanceof Error ? error.message.slice(0, 60) : String(error)
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
        },
      )
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
  const requests = sim.requestLog.length - logged
  sim.faults.setRules([])
  return { ok, requests, seconds: (performance.now() - started) / 1000, reasons }
}

const pct = (r: Result) => `${((100 * r.ok) / SAVES).toFixed(0)}% (${r.ok}/${SAVES})`
console.log(`Single Saves, ${SAVES} looks per row, ${PARALLEL} at once`)
console.log(
  'spec                          | before: succeeded | after: succeeded | after: requests/save | after: s',
)
for (const spec of SPECS) {
  const b = await run(spec, before)
  const a = await run(spec, after)
  console.log(
    `${spec.padEnd(29)} | ${pct(b).padEnd(17)} | ${pct(a).padEnd(16)} | ${(a.requests / SAVES).toFixed(2).padEnd(20)} | ${a.seconds.toFixed(1)}`,
  )
  for (const [reason, count] of a.reasons) console.log(`  after, failed ${count}×: ${reason}`)
}
server.close()
