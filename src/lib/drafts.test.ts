import { describe, expect, it } from 'vitest'
import { drafts } from './drafts'

describe('drafts', () => {
  it('keeps an unsaved edit across a reload or a sign-in round trip until discarded', () => {
    drafts.write('look:12', { title: 'Half-typed title' })
    // What a remounted form reads back (sessionStorage outlives the page's memory).
    expect(drafts.read('look:12')).toEqual({ title: 'Half-typed title' })
    expect(drafts.has('look:12')).toBe(true)
    drafts.clear('look:12')
    expect(drafts.read('look:12')).toBeUndefined()
    expect(drafts.has('look:12')).toBe(false)
  })

  it('keeps drafts of different looks apart', () => {
    drafts.write('look:1', 'edited a')
    expect(drafts.read('look:2')).toBeUndefined()
    expect(drafts.read('look:1')).toBe('edited a')
  })
})
