import { describe, expect, it } from 'vitest'
import { hasStatus, LookerApiError } from './errors'

const answer = (status: number) => new LookerApiError({ status, kind: 'http', message: 'x' })

describe('hasStatus', () => {
  it('is true only for a server answer with one of the statuses asked about', () => {
    expect(hasStatus(answer(404), 404)).toBe(true)
    expect(hasStatus(answer(403), 403, 404)).toBe(true)
    expect(hasStatus(answer(409), 403, 404)).toBe(false)
    expect(answer(422).hasStatus(409, 422)).toBe(true)
  })

  it('a network failure, a plain Error or nothing at all has no status', () => {
    expect(hasStatus(new LookerApiError({ status: 0, kind: 'network', message: 'x' }), 0)).toBe(false)
    expect(hasStatus(Object.assign(new Error('x'), { status: 404 }), 404)).toBe(false)
    expect(hasStatus(null, 404)).toBe(false)
  })
})
