// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { compileLike } from './like'

describe('SQL LIKE matching', () => {
  it('without wildcards is an exact, case-insensitive match', () => {
    const matches = compileLike('revenue')
    expect(matches('Revenue')).toBe(true)
    expect(matches('Revenue by month')).toBe(false)
  })

  it('% matches any run of characters, including none', () => {
    const matches = compileLike('dan%')
    expect(matches('danger')).toBe(true)
    expect(matches('Danzig')).toBe(true)
    expect(matches('dan')).toBe(true)
    expect(matches('David')).toBe(false)
  })

  it('_ matches exactly one character', () => {
    const matches = compileLike('D_m%')
    expect(matches('Damage')).toBe(true)
    expect(matches('dump')).toBe(true)
    expect(matches('Dm')).toBe(false)
  })

  it('treats regular-expression characters literally', () => {
    expect(compileLike('a.b (c)%')('a.b (c) d')).toBe(true)
    expect(compileLike('a.b')('axb')).toBe(false)
  })

  it('a backslash escapes a wildcard so it matches itself', () => {
    const matches = compileLike('%10\\%%')
    expect(matches('Top 10% of customers')).toBe(true)
    expect(matches('Top 100 customers')).toBe(false)
  })

  it('never matches null', () => {
    expect(compileLike('%')(null)).toBe(false)
  })
})
