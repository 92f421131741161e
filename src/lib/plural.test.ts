import { describe, expect, it } from 'vitest'
import { plural } from './plural'

describe('plural', () => {
  it('uses the singular for exactly one, the plural otherwise, with a grouped count', () => {
    expect(plural(1, 'look')).toBe('1 look')
    expect(plural(0, 'look')).toBe('0 looks')
    expect(plural(1200, 'look')).toBe('1,200 looks')
    expect(plural(2, 'was', 'were')).toBe('2 were')
  })
})
