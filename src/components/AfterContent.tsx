import { Suspense, type ReactNode } from 'react'
import { useAfterContentShown } from '../lib/contentShown'

/**
 * Renders `children` (typically a `lazy` component, whose code is fetched only then) once the page's main
 * content is shown; until then, and while that code loads, the `placeholder`, which should take the same
 * space so nothing moves.
 */
export function AfterContent({ placeholder, children }: { placeholder: ReactNode; children: ReactNode }) {
  const ready = useAfterContentShown()
  return <Suspense fallback={placeholder}>{ready ? children : placeholder}</Suspense>
}
