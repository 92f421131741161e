import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeVisibility } from '../test/fakeVisibility'
import { LookerApiError } from './errors'
import {
  adaptivePolicy,
  fixedIntervalPolicy,
  MAX_POLL_MS,
  pollUntilDone,
  QUICK_POLL_MS,
  type PollResponse,
} from './polling'

type Status = 'running' | 'done'

/** A fake server: answers `running` until `doneAt` (ms of fake time), recording when it was asked. */
function fakeTask(doneAt: number, retryAfter: (remaining: number) => number | null = () => null) {
  const calls: number[] = []
  let inFlight = 0
  let maxInFlight = 0
  const request = async (): Promise<PollResponse<Status>> => {
    calls.push(Date.now())
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    await new Promise((resolve) => setTimeout(resolve, 10))
    inFlight--
    const remaining = doneAt - Date.now()
    return remaining <= 0
      ? { value: 'done', retryAfterMs: null }
      : { value: 'running', retryAfterMs: retryAfter(remaining) }
  }
  return { calls, request, maxInFlight: () => maxInFlight }
}

const now = () => Date.now()

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('adaptive polling policy', () => {
  it('starts quick and backs off as the task runs long, up to a cap', () => {
    expect(adaptivePolicy.nextDelay({ sinceMs: 0, retryAfterMs: null })).toBe(QUICK_POLL_MS)
    expect(adaptivePolicy.nextDelay({ sinceMs: 2_000, retryAfterMs: null })).toBe(600)
    expect(adaptivePolicy.nextDelay({ sinceMs: 60_000, retryAfterMs: null })).toBe(MAX_POLL_MS)
  })

  it('waits as long as the server asks, within reason', () => {
    expect(adaptivePolicy.nextDelay({ sinceMs: 0, retryAfterMs: 4_000 })).toBe(4_000)
    expect(adaptivePolicy.nextDelay({ sinceMs: 0, retryAfterMs: 3_600_000 })).toBe(30_000)
  })

  it('notices a 1 s task within a few hundred ms and a 20 s task within the cap', async () => {
    for (const doneAt of [1_000, 20_000]) {
      const task = fakeTask(Date.now() + doneAt)
      const started = Date.now()
      const done = pollUntilDone({
        ...task,
        isDone: (s) => s === 'done',
        signal: new AbortController().signal,
        now,
      })
      await vi.runAllTimersAsync()
      await expect(done).resolves.toBe('done')
      const lateBy = task.calls.at(-1)! - (started + doneAt)
      expect(lateBy).toBeLessThanOrEqual(doneAt === 1_000 ? 350 : MAX_POLL_MS)
      expect(task.maxInFlight()).toBe(1)
    }
  })

  it('uses fewer requests than a fixed 0.5 s loop on long tasks', async () => {
    const counts: Record<string, number> = {}
    for (const policy of [adaptivePolicy, fixedIntervalPolicy(500)]) {
      const task = fakeTask(Date.now() + 15_000)
      const done = pollUntilDone({
        ...task,
        isDone: (s) => s === 'done',
        signal: new AbortController().signal,
        now,
        policy,
      })
      await vi.runAllTimersAsync()
      await done
      counts[policy.name] = task.calls.length
    }
    expect(counts.adaptive).toBeLessThan(counts['fixed-500ms']! * 0.7)
  })
})

describe('polling loop', () => {
  it('sleeps through a Retry-After hint, then comes back quickly', async () => {
    // The server says "come back in whole seconds" until less than a second remains.
    const task = fakeTask(Date.now() + 5_500, (remaining) =>
      remaining >= 1_000 ? Math.floor(remaining / 1000) * 1000 : null,
    )
    const started = Date.now()
    const done = pollUntilDone({
      ...task,
      isDone: (s) => s === 'done',
      signal: new AbortController().signal,
      now,
      // The wait a task that reports no progress gets (the pacing falls back to it), asked at once.
      policy: adaptivePolicy,
    })
    await vi.runAllTimersAsync()
    await done
    expect(task.calls.length).toBeLessThanOrEqual(7)
    expect(task.calls[1]! - started).toBeGreaterThanOrEqual(5_000)
    expect(task.calls.at(-1)! - (started + 5_500)).toBeLessThan(200)
  })

  it('waits out a 429 for as long as Retry-After says and keeps going', async () => {
    const calls: number[] = []
    const request = (): Promise<PollResponse<Status>> => {
      calls.push(Date.now())
      if (calls.length === 1) {
        return Promise.reject(
          new LookerApiError({ status: 429, kind: 'http', message: 'slow down', retryAfterMs: 3_000 }),
        )
      }
      return Promise.resolve({ value: 'done', retryAfterMs: null })
    }
    const done = pollUntilDone({
      request,
      isDone: (s) => s === 'done',
      signal: new AbortController().signal,
      now,
    })
    await vi.runAllTimersAsync()
    await expect(done).resolves.toBe('done')
    expect(calls[1]! - calls[0]!).toBe(3_000)
  })

  it('gives up at once on a 404 and after repeated network failures', async () => {
    let notFoundCalls = 0
    const notFound = pollUntilDone({
      request: () => {
        notFoundCalls++
        return Promise.reject(new LookerApiError({ status: 404, kind: 'http', message: 'Not found' }))
      },
      isDone: () => true,
      signal: new AbortController().signal,
      now,
    })
    const gone = expect(notFound).rejects.toMatchObject({ status: 404 })
    await vi.runAllTimersAsync()
    await gone
    expect(notFoundCalls).toBe(1)

    let attempts = 0
    const offline = pollUntilDone({
      request: () => {
        attempts++
        return Promise.reject(new LookerApiError({ status: 0, kind: 'network', message: 'offline' }))
      },
      isDone: () => true,
      signal: new AbortController().signal,
      now,
      maxTransientFailures: 2,
    })
    const settled = expect(offline).rejects.toMatchObject({ kind: 'network' })
    await vi.runAllTimersAsync()
    await settled
    expect(attempts).toBe(3)
  })

  it('sends nothing while the tab is hidden and resumes when it is shown', async () => {
    const { visibility, set } = fakeVisibility(false)
    const task = fakeTask(Date.now() + 60_000)
    const controller = new AbortController()
    const done = pollUntilDone({
      ...task,
      isDone: (s) => s === 'done',
      signal: controller.signal,
      now,
      visibility,
    })
    await vi.advanceTimersByTimeAsync(1_000)
    const before = task.calls.length
    expect(before).toBeGreaterThan(2)
    set(true)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(task.calls.length).toBeLessThanOrEqual(before + 1)
    const hiddenCount = task.calls.length
    set(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(task.calls.length).toBe(hiddenCount + 1)
    controller.abort()
    const rejected = expect(done).rejects.toMatchObject({ name: 'AbortError' })
    await vi.advanceTimersByTimeAsync(100)
    await rejected
  })

  it('stops at once when cancelled, with no further request', async () => {
    const task = fakeTask(Date.now() + 60_000)
    const controller = new AbortController()
    const done = pollUntilDone({ ...task, isDone: (s) => s === 'done', signal: controller.signal, now })
    const rejected = expect(done).rejects.toMatchObject({ name: 'AbortError' })
    await vi.advanceTimersByTimeAsync(2_000)
    controller.abort()
    await rejected
    const count = task.calls.length
    await vi.advanceTimersByTimeAsync(60_000)
    expect(task.calls.length).toBe(count)
  })

  it('reports every status as it arrives', async () => {
    const seen: Status[] = []
    const task = fakeTask(Date.now() + 500)
    const done = pollUntilDone({
      ...task,
      isDone: (s) => s === 'done',
      onUpdate: (s) => seen.push(s),
      signal: new AbortController().signal,
      now,
    })
    await vi.runAllTimersAsync()
    await done
    expect(seen.at(-1)).toBe('done')
    expect(seen.slice(0, -1).every((s) => s === 'running')).toBe(true)
  })
})
