// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { LookerApiError } from './errors'
import {
  createWriteRule,
  creating,
  IDEMPOTENT,
  MAX_ATTEMPTS,
  MAX_LOST_RETRIES,
  mayHaveLanded,
  MaybeDoneError,
  READ_FOR_WRITE,
  WriteCancelledError,
  type WriteEvent,
  type WriteIntent,
  type WriteRuleOptions,
} from './writeRule'

const http = (status: number, retryAfterMs: number | null = null) =>
  new LookerApiError({ status, kind: 'http', message: `HTTP ${status}`, retryAfterMs })
const drop = () => new LookerApiError({ status: 0, kind: 'network', message: 'offline' })

const COPY = creating('The copy may have been made: check the folder before trying again.')

/** A virtual clock: sleeping advances it at once; waits and the busy notice's entries are recorded. */
function harness(overrides: Partial<WriteRuleOptions> = {}) {
  let t = 0
  const sleeps: number[] = []
  const shown: { until: number; cancel: () => void; removed: boolean }[] = []
  const rule = createWriteRule({
    now: () => t,
    random: () => 1,
    sleep: (ms) => {
      sleeps.push(ms)
      t += ms
      return Promise.resolve()
    },
    busy: {
      add(until, cancel) {
        const entry = { until, cancel, removed: false }
        shown.push(entry)
        return () => (entry.removed = true)
      },
    },
    ...overrides,
  })
  return { rule, sleeps, shown, now: () => t, advance: (ms: number) => (t += ms) }
}

/** A request that fails with `errors` in turn, then answers `ok`; counts its calls. */
function server(...errors: Error[]) {
  const calls = { count: 0 }
  const request = () => {
    const error = errors[calls.count++]
    return error === undefined ? Promise.resolve('ok') : Promise.reject(error)
  }
  return { calls, request }
}

const KINDS: [string, WriteIntent][] = [
  ['a read a write depends on (GET)', READ_FOR_WRITE],
  ['PATCH/DELETE', IDEMPOTENT],
  ['a creating POST', COPY],
]

describe('the write rule: answers that prove nothing was done', () => {
  it.each(KINDS)('%s waits out a 429 for its Retry-After and is sent again', async (_name, intent) => {
    const { rule, sleeps } = harness()
    const { calls, request } = server(http(429, 2500))
    await expect(rule.send(intent, request)).resolves.toBe('ok')
    expect(calls.count).toBe(2)
    expect(sleeps).toEqual([2500])
  })

  it.each(KINDS)('%s waits out a 503 that carries Retry-After', async (_name, intent) => {
    const { rule, sleeps } = harness()
    const { calls, request } = server(http(503, 3000))
    await expect(rule.send(intent, request)).resolves.toBe('ok')
    expect(calls.count).toBe(2)
    expect(sleeps).toEqual([3000])
  })

  it('waits longer each time when Looker names no wait, and gives up after a bounded number of attempts', async () => {
    const { rule, sleeps } = harness()
    const { calls, request } = server(...Array.from({ length: 20 }, () => http(429)))
    const error: unknown = await rule.send(IDEMPOTENT, request).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 429 })
    expect(calls.count).toBe(MAX_ATTEMPTS)
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 8000, 8000, 8000])
  })

  it('caps a very long Retry-After at a minute', async () => {
    const { rule, sleeps } = harness()
    await rule.send(COPY, server(http(429, 600_000)).request)
    expect(sleeps).toEqual([60_000])
  })
})

describe('the write rule: lost answers', () => {
  it('sends PATCH and DELETE again after a dropped connection, and marks the outcome as possibly landed', async () => {
    const { rule } = harness()
    const { calls, request } = server(drop(), drop())
    await expect(rule.send(IDEMPOTENT, request)).resolves.toBe('ok')
    expect(calls.count).toBe(3)
    // A DELETE sent again after a drop that finds nothing: the first one may have deleted it.
    const gone = http(404)
    const error: unknown = await rule.send(IDEMPOTENT, server(drop(), gone).request).catch((e: unknown) => e)
    expect(error).toBe(gone)
    expect(mayHaveLanded(gone)).toBe(true)
  })

  it('never sends a creating POST again after a dropped connection, and says what to check', async () => {
    const { rule, sleeps } = harness()
    const { calls, request } = server(drop())
    const error: unknown = await rule.send(COPY, request).catch((e: unknown) => e)
    expect(calls.count).toBe(1)
    expect(sleeps).toEqual([])
    expect(error).toBeInstanceOf(MaybeDoneError)
    expect((error as Error).message).toBe(
      'No answer came back from Looker. The copy may have been made: check the folder before trying again.',
    )
    expect(mayHaveLanded(error)).toBe(true)
  })

  it.each([500, 502, 503, 504])(
    'never sends a creating POST again after a %s without Retry-After: it may have been done',
    async (status) => {
      const { rule } = harness()
      const { calls, request } = server(http(status))
      const error: unknown = await rule.send(COPY, request).catch((e: unknown) => e)
      expect(calls.count).toBe(1)
      expect(error).toBeInstanceOf(MaybeDoneError)
      expect((error as Error).message).toBe(
        `Looker answered with an error (HTTP ${status}). The copy may have been made: check the folder before trying again.`,
      )
    },
  )

  it.each([502, 503, 504])(
    'sends PATCH and DELETE again after a %s (repeating does no harm)',
    async (status) => {
      const { rule } = harness()
      const { calls, request } = server(http(status))
      await expect(rule.send(IDEMPOTENT, request)).resolves.toBe('ok')
      expect(calls.count).toBe(2)
    },
  )

  it('does not send a PATCH again after a 500 (Looker failed at the change itself), but a read is', async () => {
    const { rule } = harness()
    const patch = server(http(500))
    await expect(rule.send(IDEMPOTENT, patch.request)).rejects.toMatchObject({ status: 500 })
    expect(patch.calls.count).toBe(1)
    const read = server(http(500))
    await expect(rule.send(READ_FOR_WRITE, read.request)).resolves.toBe('ok')
    expect(read.calls.count).toBe(2)
  })

  it('sends again after lost answers a bounded number of times, with short growing pauses', async () => {
    const { rule, sleeps } = harness()
    const { calls, request } = server(drop(), drop(), drop(), drop(), drop())
    await expect(rule.send(IDEMPOTENT, request)).rejects.toMatchObject({ kind: 'network' })
    expect(calls.count).toBe(1 + MAX_LOST_RETRIES)
    expect(sleeps).toEqual([300, 600, 1200])
  })

  it.each([400, 401, 403, 404, 409, 422])(
    'sends nothing again after a %s, whatever the method',
    async (status) => {
      for (const [, intent] of KINDS) {
        const { rule } = harness()
        const { calls, request } = server(http(status))
        await expect(rule.send(intent, request)).rejects.toMatchObject({ status })
        expect(calls.count).toBe(1)
      }
    },
  )
})

describe('the write rule: the wait', () => {
  it('is shown in the busy notice until it is over', async () => {
    const { rule, shown } = harness()
    await rule.send(IDEMPOTENT, server(http(429, 3000)).request)
    expect(shown).toMatchObject([{ until: 3000, removed: true }])
  })

  it('Cancel ends the wait: nothing more is sent, and the write fails saying nothing was changed', async () => {
    // Sleeps that last until they are cut short, so the wait is still on when Cancel is pressed.
    const h = harness({
      sleep: (_ms, signal) => new Promise((r) => signal.addEventListener('abort', () => r())),
    })
    const { calls, request } = server(http(429, 5000))
    const pending = h.rule.send(COPY, request).catch((e: unknown) => e)
    await expect.poll(() => h.shown.length).toBe(1)
    h.shown[0]!.cancel()
    const error = await pending
    expect(error).toBeInstanceOf(WriteCancelledError)
    expect((error as Error).message).toBe('Cancelled while Looker was busy; nothing was changed.')
    expect(mayHaveLanded(error)).toBe(false)
    expect(calls.count).toBe(1)
    expect(h.shown[0]!.removed).toBe(true)
  })

  it('Cancel after a lost PATCH says an earlier attempt may have gone through', async () => {
    const h = harness({
      sleep: (ms, signal) =>
        // The drop's short pause passes; the 429's wait lasts until Cancel.
        ms < 5000 ? Promise.resolve() : new Promise((r) => signal.addEventListener('abort', () => r())),
    })
    const pending = h.rule.send(IDEMPOTENT, server(drop(), http(429, 5000)).request).catch((e: unknown) => e)
    await expect.poll(() => h.shown.length).toBe(1)
    h.shown[0]!.cancel()
    const error = await pending
    expect(error).toBeInstanceOf(WriteCancelledError)
    expect(mayHaveLanded(error)).toBe(true)
  })

  it("the caller's Stop ends the wait as an abort", async () => {
    const h = harness({
      sleep: (_ms, signal) => new Promise((r) => signal.addEventListener('abort', () => r())),
    })
    const stop = new AbortController()
    const { calls, request } = server(http(429, 5000))
    const pending = h.rule.send(IDEMPOTENT, request, { signal: stop.signal }).catch((e: unknown) => e)
    await expect.poll(() => h.shown.length).toBe(1)
    stop.abort()
    expect(await pending).toMatchObject({ name: 'AbortError' })
    expect(calls.count).toBe(1)
  })

  it('pauses every write, not only the one that was told to wait', async () => {
    // Sleeps take a little real time here, so another write can start while one waits.
    let t = 0
    const rule = createWriteRule({
      now: () => t,
      sleep: (ms) =>
        new Promise((resolve) => {
          const end = t + ms
          setTimeout(() => {
            t = Math.max(t, end)
            resolve()
          }, 5)
        }),
      busy: { add: () => () => undefined },
    })
    const starts: [string, number][] = []
    let refused = false
    const first = rule.send(IDEMPOTENT, () => {
      starts.push(['first', t])
      if (refused) return Promise.resolve('ok')
      refused = true
      return Promise.reject(http(429, 1000))
    })
    await expect.poll(() => refused).toBe(true)
    // Told nothing itself, the second write still waits for the end of the pause before it is sent.
    const second = rule.send(IDEMPOTENT, () => {
      starts.push(['second', t])
      return Promise.resolve('ok')
    })
    await Promise.all([first, second])
    expect(starts[0]).toEqual(['first', 0])
    expect(starts.slice(1).map(([, at]) => at >= 1000)).toEqual([true, true])
  })

  it('tells a listener of every attempt, wait and repeat; a bulk run shows the waits itself', async () => {
    const { rule, shown } = harness()
    const events: WriteEvent[] = []
    await rule.send(IDEMPOTENT, server(http(429, 1000), drop()).request, {
      onEvent: (e) => events.push(e),
      showWaits: false,
    })
    expect(events).toEqual([
      { type: 'attempt', kind: 'idempotent' },
      { type: 'busy', until: 1000 },
      { type: 'attempt', kind: 'idempotent' },
      { type: 'retry', ambiguous: true },
      { type: 'attempt', kind: 'idempotent' },
    ])
    expect(shown).toEqual([])
  })
})
