import { createContext, useContext } from 'react'

/**
 * Fetches the code of the page at `path` ahead of a likely visit (the user points at a link to it), so
 * opening it does not wait for its chunk. app/ provides it (it knows the route table); features call it.
 */
export type PrefetchRoute = (path: string) => void

export const RoutePrefetchContext = createContext<PrefetchRoute>(() => undefined)

export const usePrefetchRoute = () => useContext(RoutePrefetchContext)
