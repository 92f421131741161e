import { useCallback, useEffect, useRef } from 'react'

/**
 * The one debounce in the app: `callback` runs `delayMs` after the last `call` (one request per pause in
 * typing, not per keystroke). `cancel` drops a pending call (Enter sends at once); so does unmounting.
 */
export function useDebouncedCallback<A extends unknown[]>(callback: (...args: A) => void, delayMs: number) {
  const latest = useRef(callback)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => {
    latest.current = callback
  }, [callback])
  useEffect(() => () => clearTimeout(timer.current), [])
  const cancel = useCallback(() => clearTimeout(timer.current), [])
  const call = useCallback(
    (...args: A) => {
      clearTimeout(timer.current)
      timer.current = setTimeout(() => latest.current(...args), delayMs)
    },
    [delayMs],
  )
  return { call, cancel }
}
