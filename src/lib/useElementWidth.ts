import { useCallback, useState } from 'react'

/**
 * The content width of an element in CSS pixels, kept up to date while it is on screen (a callback ref:
 * pass the returned `ref` to the element). Null until measured, or where ResizeObserver is missing.
 */
export function useElementWidth<T extends HTMLElement>() {
  const [width, setWidth] = useState<number | null>(null)
  const ref = useCallback((element: T | null) => {
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return { ref, width }
}
