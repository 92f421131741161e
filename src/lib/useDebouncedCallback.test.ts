import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useDebouncedCallback } from './useDebouncedCallback'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('useDebouncedCallback', () => {
  it('calls once, with the last arguments, after the calls pause', () => {
    const seen = vi.fn<(text: string) => void>()
    const { result } = renderHook(() => useDebouncedCallback(seen, 250))
    act(() => {
      result.current.call('r')
      vi.advanceTimersByTime(200)
      result.current.call('re')
      vi.advanceTimersByTime(200)
    })
    expect(seen).not.toHaveBeenCalled()
    act(() => void vi.advanceTimersByTime(50))
    expect(seen.mock.calls).toEqual([['re']])
  })

  it('a cancelled or unmounted call never happens', () => {
    const seen = vi.fn<(text: string) => void>()
    const { result, unmount } = renderHook(() => useDebouncedCallback(seen, 250))
    act(() => result.current.call('a'))
    act(() => result.current.cancel())
    act(() => result.current.call('b'))
    unmount()
    vi.advanceTimersByTime(1_000)
    expect(seen).not.toHaveBeenCalled()
  })
})
