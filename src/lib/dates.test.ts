import { describe, expect, it } from 'vitest'
import { daysSince, formatRelative, parseLookerDate, sameInstant } from './dates'

const NOW = Date.parse('2026-03-31T12:00:00Z')
const ago = (ms: number) => NOW - ms
const DAY = 86_400_000

describe("Looker's dates", () => {
  it('are read from ISO strings or Dates; anything else is no date', () => {
    expect(parseLookerDate('2026-03-01T10:00:00Z')?.toISOString()).toBe('2026-03-01T10:00:00.000Z')
    expect(parseLookerDate(new Date(NOW))?.getTime()).toBe(NOW)
    for (const value of [null, undefined, '', '  ', 'yesterday', 42, new Date(NaN)]) {
      expect(parseLookerDate(value)).toBeNull()
    }
  })

  it('compare as instants whatever their spelling, and as text when they are not dates', () => {
    expect(sameInstant('2026-03-01T10:00:00Z', '2026-03-01T11:00:00+01:00')).toBe(true)
    expect(sameInstant(new Date('2026-03-01T10:00:00Z'), '2026-03-01T10:00:00.000Z')).toBe(true)
    expect(sameInstant('2026-03-01T10:00:00Z', '2026-03-01T10:00:01Z')).toBe(false)
    expect(sameInstant('v1', 'v1')).toBe(true)
    expect(sameInstant(null, undefined)).toBe(true)
    expect(sameInstant(null, '2026-03-01T10:00:00Z')).toBe(false)
  })

  it('count whole days since, never negative', () => {
    expect(daysSince(new Date(ago(22 * DAY + 3_600_000)), NOW)).toBe(22)
    expect(daysSince(new Date(NOW + DAY), NOW)).toBe(0)
    expect(daysSince(null, NOW)).toBeNull()
  })
})

describe('relative times, the same on every page', () => {
  it('use weeks between a week and a month, and never read older than the date is', () => {
    expect(formatRelative(ago(22 * DAY), NOW)).toBe('3 weeks ago')
    expect(formatRelative(ago(13 * DAY), NOW)).toBe('last week')
    expect(formatRelative(ago(2 * DAY), NOW)).toBe('2 days ago')
    expect(formatRelative(ago(59 * DAY), NOW)).toBe('last month')
    expect(formatRelative(ago(400 * DAY), NOW)).toBe('last year')
    expect(formatRelative(ago(5 * 3_600_000 + 59 * 60_000), NOW)).toBe('5 hours ago')
  })

  it('say "just now" under a minute', () => {
    expect(formatRelative(ago(59_000), NOW)).toBe('just now')
    expect(formatRelative(new Date(NOW), NOW)).toBe('just now')
  })
})
