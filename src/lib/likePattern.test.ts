// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { toLikePattern } from './likePattern'

describe('toLikePattern', () => {
  it('a plain word becomes a contains-search', () => {
    expect(toLikePattern('revenue')).toBe('%revenue%')
  })

  it('plain words are found in order with anything between them', () => {
    expect(toLikePattern('  weekly   revenue ')).toBe('%weekly%revenue%')
  })

  it('a typed % or _ stays a wildcard, and the text is still a contains-search', () => {
    expect(toLikePattern('utm_source')).toBe('%utm_source%')
    expect(toLikePattern('50%')).toBe('%50%%')
    expect(toLikePattern('Conversion % by')).toBe('%Conversion%%%by%')
    expect(toLikePattern('D_m%')).toBe('%D_m%%')
  })

  it('blank text searches nothing', () => {
    expect(toLikePattern('')).toBeUndefined()
    expect(toLikePattern('   ')).toBeUndefined()
  })
})
