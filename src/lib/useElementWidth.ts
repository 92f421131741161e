import { useCallback, useState } from 'react'

/**
 * The content width of an element in CSS pixels, kept up to date while it is on screen (a callback ref:
 * pass the returned `measure` to the element's `ref`). Null until measured, or where ResizeObserver is
 * missing. A tuple, not an object with a `ref` key: the React lint would take the whole object for a ref.
 */
export function useElementWidth<T extends HTMLElement>() {
  const [width, setWidth] = useState<number | null>(null)
  const measure = useCallback((element: T | null) => {
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return [width, measure] as const
}
