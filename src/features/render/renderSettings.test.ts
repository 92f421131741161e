import { describe, expect, it } from 'vitest'
import { parseRenderSettings } from './renderSettings'

describe('render settings from a link', () => {
  it('an unusable size falls back with one clean sentence per value', () => {
    const { settings, notices } = parseRenderSettings(new URLSearchParams('width=50&height=12px'))
    expect(settings).toEqual({ format: 'png', width: 1200, height: 628 })
    expect(notices).toEqual([
      'The width in the link (50) must be between 100 and 4096 pixels; using 1200.',
      'The height in the link (12px) must be a whole number of pixels; using 628.',
    ])
  })
})
