import { describe, expect, it } from 'vitest'
import { formatCount, plural } from './counts'

describe('plural', () => {
  it('uses the singular for exactly one, the plural otherwise, with a grouped count', () => {
    expect(plural(1, 'look')).toBe('1 look')
    expect(plural(0, 'look')).toBe('0 looks')
    expect(plural(1200, 'look')).toBe('1,200 looks')
    expect(plural(2, 'was', 'were')).toBe('2 were')
  })
})

describe('formatCount', () => {
  it('groups digits, and shows a dash for a count the server left out', () => {
    expect(formatCount(1234567)).toBe('1,234,567')
    expect(formatCount(0)).toBe('0')
    expect(formatCount(null)).toBe('—')
    expect(formatCount(undefined)).toBe('—')
  })
})
