import { useCallback, useEffect, useRef, useState } from 'react'
import { describeError } from '../../lib/errors'
import type { SelectedLook } from './trashQueries'

type Loader = (
  signal: AbortSignal,
  onProgress: (loaded: number, total: number | null) => void,
) => Promise<SelectedLook[]>

/** Runs a "load every matching look" with progress; cancelled when the page goes away or a new load starts. */
export function useLoadAll() {
  const [progress, setProgress] = useState<{ loaded: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const current = useRef<AbortController | null>(null)
  useEffect(() => () => current.current?.abort(), [])

  const load = useCallback(async (loader: Loader): Promise<SelectedLook[] | null> => {
    current.current?.abort()
    const controller = new AbortController()
    current.current = controller
    setError(null)
    setProgress({ loaded: 0 })
    try {
      return await loader(controller.signal, (loaded) => setProgress({ loaded }))
    } catch (e) {
      if (!controller.signal.aborted) setError(`Could not select every matching look: ${describeError(e)}`)
      return null
    } finally {
      if (current.current === controller) {
        current.current = null
        setProgress(null)
      }
    }
  }, [])

  return { load, progress, error }
}
