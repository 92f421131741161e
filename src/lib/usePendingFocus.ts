import { useCallback, useEffect, useRef, type RefObject } from 'react'

/**
 * Moves focus to an element once it is on screen and enabled. For actions that remove or disable the
 * control that had focus (Save, Delete, Cancel, Retry), where the browser would drop focus to <body>
 * and keyboard and screen-reader users would lose their place. A later request replaces an earlier one.
 */
export function usePendingFocus() {
  const pending = useRef<RefObject<HTMLElement | null> | null>(null)
  // No dependencies: the target may appear a few renders later (e.g. once a mutation settles).
  useEffect(() => {
    const element = pending.current?.current
    if (!element || (element instanceof HTMLButtonElement && element.disabled)) return
    pending.current = null
    element.focus()
  })
  return useCallback((target: RefObject<HTMLElement | null>) => {
    pending.current = target
  }, [])
}
