import { describe, expect, it } from 'vitest'
import { LookerApiError } from './errors'
import { readRetryDelay, shouldRetryRead } from './queryClient'

const err = (status: number, retryAfterMs: number | null = null) =>
  new LookerApiError({ status, kind: status === 0 ? 'network' : 'http', message: 'x', retryAfterMs })

describe('read retry policy', () => {
  it('retries network loss, 5xx and 429, but never a 4xx answer', () => {
    expect(shouldRetryRead(0, err(0))).toBe(true)
    expect(shouldRetryRead(0, err(503))).toBe(true)
    expect(shouldRetryRead(0, err(429))).toBe(true)
    for (const status of [400, 401, 403, 404, 409, 422]) expect(shouldRetryRead(0, err(status))).toBe(false)
    expect(shouldRetryRead(3, err(503))).toBe(false)
    expect(shouldRetryRead(0, new Error('boom'))).toBe(false)
  })

  it('waits as long as Retry-After says, and backs off otherwise', () => {
    expect(readRetryDelay(1, err(429, 4000))).toBe(4000)
    const first = readRetryDelay(0, err(503))
    const third = readRetryDelay(2, err(503))
    expect(first).toBeGreaterThanOrEqual(250)
    expect(first).toBeLessThanOrEqual(500)
    expect(third).toBeGreaterThanOrEqual(1000)
    expect(third).toBeLessThanOrEqual(2000)
  })
})
