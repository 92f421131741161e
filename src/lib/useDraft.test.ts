import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useDraft } from './useDraft'

describe('useDraft', () => {
  it('keeps an unsaved edit across a remount (a reload or a sign-in round trip) until discarded', () => {
    const first = renderHook(() => useDraft('look:12', { title: 'Original' }))
    act(() => first.result.current.setValue({ title: 'Half-typed title' }))
    first.unmount()
    const second = renderHook(() => useDraft('look:12', { title: 'Original' }))
    expect(second.result.current).toMatchObject({ value: { title: 'Half-typed title' }, restored: true })
    act(() => second.result.current.discard())
    second.unmount()
    const third = renderHook(() => useDraft('look:12', { title: 'Original' }))
    expect(third.result.current).toMatchObject({ value: { title: 'Original' }, restored: false })
  })

  it('keeps drafts of different looks apart', () => {
    const a = renderHook(() => useDraft('look:1', 'a'))
    act(() => a.result.current.setValue('edited a'))
    const b = renderHook(() => useDraft('look:2', 'b'))
    expect(b.result.current.value).toBe('b')
  })
})
