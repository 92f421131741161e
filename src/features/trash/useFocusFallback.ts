import { useEffect, useRef } from 'react'

/**
 * When `active` (a dialog) ends and focus fell to <body>, because the control that opened it is now
 * disabled or gone, focus the returned ref instead, so keyboard and screen-reader users keep their place.
 * If the dialog's own focus restore worked, nothing moves.
 */
export function useFocusFallback<T extends HTMLElement>(active: boolean) {
  const ref = useRef<T>(null)
  const wasActive = useRef(active)
  useEffect(() => {
    const ended = wasActive.current && !active
    wasActive.current = active
    if (!ended) return
    // Chromium leaves focus on <body>; jsdom leaves it on the disabled trigger.
    const focused = document.activeElement
    const lost =
      focused === null ||
      focused === document.body ||
      (focused instanceof HTMLButtonElement && focused.disabled)
    if (lost) ref.current?.focus()
  }, [active])
  return ref
}
