import { useEffect, useState, type RefObject } from 'react'

/**
 * True once the element has come within `MARGIN` of the viewport, and from then on (a thumbnail, once
 * asked for, stays). One IntersectionObserver serves every element on the page. Without
 * IntersectionObserver (old browsers, jsdom) everything counts as in view.
 */
const MARGIN = '200px 0px'

type Callback = () => void
let observer: IntersectionObserver | null = null
const callbacks = new Map<Element, Callback>()

function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue
        const callback = callbacks.get(entry.target)
        unobserve(entry.target)
        callback?.()
      }
    },
    { rootMargin: MARGIN },
  )
  return observer
}

function unobserve(element: Element) {
  callbacks.delete(element)
  observer?.unobserve(element)
}

export function useInView(ref: RefObject<Element | null>, enabled = true): boolean {
  const supported = typeof IntersectionObserver !== 'undefined'
  const [seen, setSeen] = useState(!supported)
  useEffect(() => {
    const element = ref.current
    if (!enabled || seen || !element || !supported) return
    callbacks.set(element, () => setSeen(true))
    shared().observe(element)
    return () => unobserve(element)
  }, [ref, enabled, seen, supported])
  return seen
}
