import { useEffect, useState } from 'react'

/**
 * A page says when its main content is on screen (the first results of a search, say), and code the first
 * screen does not need (menus, pickers, tooltips) waits for that, so it does not compete with what the
 * user came for (docs/decisions/0012). One latch per page load: once shown, later pages load such code
 * at once.
 */
let shown = false
const listeners = new Set<() => void>()

export function markContentShown() {
  if (shown) return
  shown = true
  for (const listener of listeners) listener()
}

/** How long code waits for a page that never says its content is shown (or is slow to). */
export const CONTENT_WAIT_MS = 1500

/**
 * True from the frame after the page's main content was first shown, or after `maxWaitMs`, whichever
 * comes first.
 */
export function useAfterContentShown(maxWaitMs = CONTENT_WAIT_MS): boolean {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    let frame = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    // After the next paint: a frame callback runs just before it, a task queued from there just after.
    const afterPaint = () => {
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => setReady(true), 0)
      })
    }
    const onShown = () => {
      listeners.delete(onShown)
      clearTimeout(waiting)
      afterPaint()
    }
    const waiting = setTimeout(onShown, maxWaitMs)
    if (shown) onShown()
    else listeners.add(onShown)
    return () => {
      listeners.delete(onShown)
      clearTimeout(waiting)
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [maxWaitMs])
  return ready
}
