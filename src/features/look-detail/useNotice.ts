import { useCallback, useRef, useState } from 'react'
import type { Notice } from './NoticeSnackbar'

export type Notify = (notice: Omit<Notice, 'key'>) => void

/** One snackbar message at a time; a new one replaces the old (and restarts its timer). */
export function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null)
  const counter = useRef(0)
  const notify = useCallback<Notify>((next) => {
    counter.current += 1
    setNotice({ ...next, key: counter.current })
  }, [])
  const close = useCallback(() => setNotice(null), [])
  return { notice, notify, close }
}
