import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeVisibility } from '../test/fakeVisibility'
import { LookerApiError } from './errors'
import { pollUntilDone, type PollResponse, type TaskProgress } from './polling'
import { TaskHistory } from './taskHistory'
import { PACING, TaskPacer } from './taskPacing'

type Stage = TaskProgress['stage']

/** A fake render: queued, then querying, then drawing until `doneAt` (ms after start), with progress. */
function fakeRender(doneAt: number, opts: { failFirstWith429?: number } = {}) {
  const startedAt = Date.now()
  const calls: { at: number; stage: Stage }[] = []
  const request = (): Promise<PollResponse<Stage>> => {
    const t = Date.now() - startedAt
    if (opts.failFirstWith429 !== undefined && calls.length === 0) {
      calls.push({ at: t, stage: 'queued' })
      return Promise.reject(
        new LookerApiError({
          status: 429,
          kind: 'http',
          message: 'slow down',
          retryAfterMs: opts.failFirstWith429,
        }),
      )
    }
    const stage: Stage = t >= doneAt ? 'done' : t < 200 ? 'queued' : t < doneAt / 2 ? 'early' : 'final'
    calls.push({ at: t, stage })
    const progress: TaskProgress = {
      stage,
      history: { kind: 'render', key: 'look:1:png', workMs: 2_000 },
      earlyMs: stage === 'final' || stage === 'done' ? doneAt / 2 - 200 : null,
      finalMs: stage === 'done' ? doneAt / 2 : null,
      totalMs: stage === 'done' ? doneAt : null,
    }
    return Promise.resolve({ value: stage, retryAfterMs: null, progress })
  }
  return { request, calls }
}

const paced = () => {
  const pacer = new TaskPacer(new TaskHistory())
  return { name: 'paced', nextDelay: () => 0, forTask: () => pacer }
}
const now = () => Date.now()
const isDone = (s: Stage) => s === 'done'

/** Polls a fake render of an hour with the pacing until the test stops it; `stopped` settles on the abort. */
function pollLongRender(extra: Partial<Parameters<typeof pollUntilDone<Stage>>[0]> = {}) {
  const task = fakeRender(60 * 60_000)
  const controller = new AbortController()
  const done = pollUntilDone({ ...task, isDone, signal: controller.signal, now, policy: paced(), ...extra })
  const stopped = expect(done).rejects.toMatchObject({ name: 'AbortError' })
  return { task, stop: () => controller.abort(), stopped }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('paced polling loop', () => {
  it('waits a moment before the first look, then follows the task to its end, one request at a time', async () => {
    const history = new TaskHistory()
    const policy = { name: 'paced', nextDelay: () => 0, forTask: () => new TaskPacer(history) }
    const runs: { at: number }[][] = []
    for (let i = 0; i < 2; i++) {
      const task = fakeRender(4_000)
      const done = pollUntilDone({ ...task, isDone, signal: new AbortController().signal, now, policy })
      await vi.runAllTimersAsync()
      await expect(done).resolves.toBe('done')
      expect(task.calls[0]!.at).toBe(PACING.firstDelayMs)
      expect(task.calls.map((c) => c.stage)).toContain('final')
      runs.push(task.calls)
    }
    const [first = [], second = []] = runs
    // The second run knows how long the drawing takes: it notices the end within 250 ms, with fewer
    // requests than a fixed 0.5 s loop (9 for a 4 s task).
    expect(first.at(-1)!.at - 4_000).toBeLessThan(1_000)
    expect(second.at(-1)!.at - 4_000).toBeLessThanOrEqual(250)
    expect(second.length).toBeLessThan(9)
  })

  it('waits out a 429 for as long as Retry-After says, whatever the pacing would do', async () => {
    const task = fakeRender(8_000, { failFirstWith429: 5_000 })
    const done = pollUntilDone({
      ...task,
      isDone,
      signal: new AbortController().signal,
      now,
      policy: paced(),
    })
    await vi.runAllTimersAsync()
    await done
    expect(task.calls[1]!.at - task.calls[0]!.at).toBe(5_000)
  })

  it('sends nothing while the tab is hidden', async () => {
    const { visibility, set } = fakeVisibility()
    const { task, stop, stopped } = pollLongRender({ visibility })
    await vi.advanceTimersByTimeAsync(5_000)
    set(true)
    const before = task.calls.length
    await vi.advanceTimersByTimeAsync(40_000)
    expect(task.calls.length).toBeLessThanOrEqual(before + 1)
    stop()
    await stopped
  })
})

describe('the overall deadline', () => {
  it('pauses at the deadline, asks once, and carries on (with a new deadline) when told to keep waiting', async () => {
    let keepWaiting = () => {}
    const reached = vi.fn(() => new Promise<void>((resolve) => (keepWaiting = resolve)))
    const { task, stop, stopped } = pollLongRender({ deadline: { afterMs: 10 * 60_000, reached } })
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(reached).toHaveBeenCalledTimes(1)
    const atDeadline = task.calls.length
    expect(task.calls.at(-1)!.at).toBeLessThanOrEqual(10 * 60_000)
    await vi.advanceTimersByTimeAsync(30 * 60_000)
    expect(task.calls.length).toBe(atDeadline)
    keepWaiting()
    await vi.advanceTimersByTimeAsync(1)
    expect(task.calls.length).toBe(atDeadline + 1)
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(reached).toHaveBeenCalledTimes(2)
    stop()
    await stopped
  })

  it('does not count time in a hidden tab, and stops at once when cancelled while it asks', async () => {
    const { visibility, set } = fakeVisibility()
    const reached = vi.fn(() => new Promise<void>(() => {}))
    const { task, stop, stopped } = pollLongRender({ visibility, deadline: { afterMs: 60_000, reached } })
    await vi.advanceTimersByTimeAsync(30_000)
    set(true)
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    set(false)
    await vi.advanceTimersByTimeAsync(20_000)
    expect(reached).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(15_000)
    expect(reached).toHaveBeenCalledTimes(1)
    const count = task.calls.length
    stop()
    await stopped
    await vi.advanceTimersByTimeAsync(60_000)
    expect(task.calls.length).toBe(count)
  })
})
