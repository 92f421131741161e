import { describe, expect, it } from 'vitest'
import type { TaskProgress } from './pollingPolicy'
import { TaskHistory, SIGMA } from './taskHistory'
import { PACING, TaskPacer } from './taskPacing'

const history = (key = 'look:1:png', workMs = 2_500) => ({ kind: 'render', key, workMs })
const at = (stage: TaskProgress['stage'], extra: Partial<TaskProgress> = {}): TaskProgress => ({
  stage,
  history: history(),
  earlyMs: null,
  finalMs: null,
  totalMs: null,
  ...extra,
})

/** A pacer fed these statuses at these times (ms); returns it and the wait it asks for at `now`. */
function pacerAfter(seen: [number, TaskProgress][], store = new TaskHistory()) {
  const pacer = new TaskPacer(store)
  for (const [time, progress] of seen) pacer.observe(progress, time)
  const now = seen.at(-1)![0]
  return { pacer, wait: pacer.nextDelay({ sinceMs: now - seen[0]![0], retryAfterMs: null, nowMs: now }) }
}

describe('task history', () => {
  it('predicts from the same task first, scaled to this size; then from similar tasks; else the prior', () => {
    const store = new TaskHistory()
    expect(store.predict('render', 'look:1:png', 2_000)).toEqual({
      ms: 2_000,
      sigma: SIGMA.prior,
      basis: 'prior',
    })
    store.record('render', 'look:1:png', 2_000, 3_000) // this look draws 1.5× the prior's guess
    const same = store.predict('render', 'look:1:png', 4_000)
    expect(same).toMatchObject({ basis: 'same-task', sigma: SIGMA.sameTask })
    expect(same.ms).toBeCloseTo(6_000)
    // One other look is not enough to speak for all of them…
    expect(store.predict('render', 'look:2:png', 2_000).basis).toBe('prior')
    store.record('render', 'look:3:png', 2_000, 3_000)
    // …two are, with a spread no wider than the prior's.
    const similar = store.predict('render', 'look:2:png', 2_000)
    expect(similar.basis).toBe('similar-tasks')
    expect(similar.ms).toBeCloseTo(3_000)
    expect(similar.sigma).toBeLessThanOrEqual(SIGMA.prior)
    expect(similar.sigma).toBeGreaterThan(SIGMA.sameTask)
    // Another kind of task learns nothing from renders.
    expect(store.predict('query', 'q:1:json', 2_000).basis).toBe('prior')
  })

  it('learns how repeatable re-runs are here: the closer they land, the narrower the next prediction', () => {
    const steady = new TaskHistory()
    const erratic = new TaskHistory()
    for (const look of ['1', '2', '3', '4', '5', '6']) {
      for (const [store, second] of [
        [steady, 3_000],
        [erratic, look.charCodeAt(0) % 2 ? 4_500 : 2_000],
      ] as const) {
        store.record('render', look, 2_000, 3_000)
        store.record('render', look, 2_000, second)
      }
    }
    const steadySigma = steady.predict('render', '1', 2_000).sigma
    const erraticSigma = erratic.predict('render', '1', 2_000).sigma
    expect(steadySigma).toBeLessThan(SIGMA.sameTask)
    expect(steadySigma).toBeGreaterThanOrEqual(0.05)
    expect(erraticSigma).toBeGreaterThan(SIGMA.sameTask)
  })

  it('ignores nonsense and keeps only recent runs', () => {
    const store = new TaskHistory()
    store.record('render', 'k', 0, 1_000)
    store.record('render', 'k', 1_000, Number.NaN)
    expect(store.predict('render', 'k', 1_000).basis).toBe('prior')
    for (let i = 0; i < 10; i++) store.record('render', 'k', 1_000, i < 5 ? 10_000 : 2_000)
    expect(store.predict('render', 'k', 1_000).ms).toBeCloseTo(2_000)
  })
})

describe('task pacing', () => {
  it('waits a moment before the first look, unless the task’s creation said what it is', () => {
    expect(new TaskPacer().firstDelay()).toBe(PACING.firstDelayMs)
    const store = new TaskHistory()
    store.record('render', 'look:1:png', 2_500, 3_000)
    store.recordEarly('render', 300)
    store.recordWait('render', 400)
    const known = new TaskPacer(store)
    known.observe(at('queued'), 0)
    // Drawn before in ≈ 3 s after ≈ 0.7 s of query and pick-ups: nothing to see for a good while, but
    // the first look comes before the likely end (≈ 3.7 s).
    expect(known.firstDelay()).toBeGreaterThan(1_500)
    expect(known.firstDelay()).toBeLessThan(3_700)
    // A look never drawn before, with nothing learnt yet, is looked at sooner.
    const unknown = new TaskPacer(new TaskHistory())
    unknown.observe(at('queued'), 0)
    expect(unknown.firstDelay()).toBeGreaterThanOrEqual(PACING.firstDelayMs)
    expect(unknown.firstDelay()).toBeLessThan(known.firstDelay())
  })

  it('while the query runs, looks again before the drawing could end, ever later as it runs on', () => {
    const waits = [1_000, 5_000, 20_000].map(
      (t) =>
        pacerAfter([
          [0, at('queued')],
          [500, at('early')],
          [t, at('early')],
        ]).wait,
    )
    expect(waits[0]).toBeLessThan(3_000)
    expect(waits[2]).toBeGreaterThan(waits[0]!)
    expect(waits[2]).toBeLessThanOrEqual(PACING.maxWaitMs)
  })

  it('plans from when the next request will reach the server: slow answers bring the next look forward', () => {
    const store = new TaskHistory()
    store.record('render', 'look:1:png', 2_500, 3_000)
    const plan = (roundTripMs: number) => {
      const pacer = new TaskPacer(store)
      pacer.observe(at('queued'), 0)
      pacer.observe(at('final', { earlyMs: 300 }), 1_000, 1_000 - roundTripMs)
      return pacer.nextDelay({ sinceMs: 1_000, retryAfterMs: null, nowMs: 1_000 })
    }
    const quick = plan(10)
    const slow = plan(400)
    expect(slow).toBeLessThan(quick)
    expect(slow).toBeGreaterThan(quick - 400)
  })

  it('plans the same waits for the same statuses (the forecast is seeded)', () => {
    const seen: [number, TaskProgress][] = [
      [0, at('queued')],
      [700, at('final', { earlyMs: 300 })],
    ]
    expect(pacerAfter(seen).wait).toBe(pacerAfter(seen).wait)
  })

  it('in the final step, waits until the end the history predicts comes near, then looks often', () => {
    const store = new TaskHistory()
    store.record('render', 'look:1:png', 2_500, 3_000)
    const seen: [number, TaskProgress][] = [
      [0, at('queued')],
      [300, at('early')],
      [600, at('final', { earlyMs: 250 })],
    ]
    const { pacer, wait } = pacerAfter(seen, store)
    // The drawing began between 300 and 600 ms and takes about 3 s: nothing to see for a while.
    expect(wait).toBeGreaterThan(1_500)
    expect(600 + wait).toBeLessThan(600 + 3_000)
    // Around the expected end (≈3.5 s) it looks every ~100–250 ms.
    pacer.observe(at('final', { earlyMs: 250 }), 3_450)
    const near = pacer.nextDelay({ sinceMs: 3_450, retryAfterMs: null, nowMs: 3_450 })
    expect(near).toBeGreaterThanOrEqual(PACING.minWaitMs)
    expect(near).toBeLessThanOrEqual(250)
    // Long past it, the prediction was wrong: it backs off again.
    pacer.observe(at('final', { earlyMs: 250 }), 20_000)
    const late = pacer.nextDelay({ sinceMs: 20_000, retryAfterMs: null, nowMs: 20_000 })
    expect(late).toBeGreaterThan(near * 3)
  })

  it('looks sooner and more often when it knows less (no history)', () => {
    const seen: [number, TaskProgress][] = [
      [0, at('queued')],
      [300, at('early')],
      [600, at('final', { earlyMs: 250 })],
    ]
    const known = new TaskHistory()
    known.record('render', 'look:1:png', 2_500, 2_500)
    expect(pacerAfter(seen).wait).toBeLessThan(pacerAfter(seen, known).wait)
  })

  it('uses the early step’s reported runtime to place the start of the final step', () => {
    const store = new TaskHistory()
    store.record('render', 'look:1:png', 2_500, 2_500)
    // Seen queued at 0 and then, 4 s later, already drawing: with a 3.9 s query the drawing began after
    // 3.9 s, not anywhere in 0–4 s, so the end is expected later and the first wait is longer.
    const vague = pacerAfter(
      [
        [0, at('queued')],
        [4_000, at('final')],
      ],
      store,
    ).wait
    const placed = pacerAfter(
      [
        [0, at('queued')],
        [4_000, at('final', { earlyMs: 3_900 })],
      ],
      store,
    ).wait
    expect(placed).toBeGreaterThan(vague)
  })

  it('records what the finished task took, for the next one', () => {
    const store = new TaskHistory()
    pacerAfter(
      [
        [0, at('final')],
        [3_000, at('done', { finalMs: 3_000 })],
      ],
      store,
    )
    expect(store.predict('render', 'look:1:png', 2_500)).toMatchObject({ basis: 'same-task', ms: 3_000 })
    // A task whose creation already said "done" is recorded once, not again by its first status.
    const once = new TaskHistory()
    const done = at('done', { finalMs: 3_000 })
    const pacer = new TaskPacer(once)
    pacer.observe(done, 0)
    pacer.observe(done, 500)
    once.record('render', 'look:1:png', 2_500, 3_300)
    // One earlier run, so one miss (log 1.1), not two (one of them a spurious 0).
    expect(once.predict('render', 'look:1:png', 2_500).sigma).toBeCloseTo(
      Math.sqrt((Math.log(1.1) ** 2 + 2 * SIGMA.sameTask ** 2) / 3),
    )
    // A failure (no final runtime) teaches nothing.
    const failed = new TaskHistory()
    pacerAfter(
      [
        [0, at('final')],
        [1_000, at('done')],
      ],
      failed,
    )
    expect(failed.predict('render', 'look:1:png', 2_500).basis).toBe('prior')
  })

  it('believes a server’s Retry-After, and falls back to the adaptive wait for tasks that say nothing', () => {
    const { pacer } = pacerAfter([[0, at('final')]])
    expect(pacer.nextDelay({ sinceMs: 100, retryAfterMs: 4_000, nowMs: 100 })).toBe(4_000)
    const silent = new TaskPacer(new TaskHistory())
    silent.observe(null, 0)
    expect(silent.nextDelay({ sinceMs: 2_000, retryAfterMs: null, nowMs: 2_000 })).toBe(600)
  })
})
