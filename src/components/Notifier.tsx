import {
  createContext,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useRef,
  useState,
  type ReactNode,
} from 'react'

export interface Notice {
  message: string
  severity: 'success' | 'info' | 'error'
  /** One action, e.g. Undo. */
  action?: { label: string; onClick: () => void }
}

export type Notify = (notice: Notice) => void

const NotifyContext = createContext<Notify | null>(null)

// The snackbar's code (MUI Snackbar, its transitions) loads with the first notice, not with the app shell
// (decision 0012: the first load is the results first).
const NoticeSnackbar = lazy(() => import('./NoticeSnackbar').then((m) => ({ default: m.NoticeSnackbar })))

/**
 * The app's one notifier: a snackbar at the bottom left, one message at a time (a new one replaces the
 * old and restarts its timer). It sits above the routes, so "Copied, you are now viewing the copy"
 * survives the navigation to the copy.
 */
export function NotifierProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<(Notice & { key: number }) | null>(null)
  const counter = useRef(0)
  const notify = useCallback<Notify>((next) => {
    counter.current += 1
    setNotice({ ...next, key: counter.current })
  }, [])
  const close = useCallback(() => setNotice(null), [])
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      {notice && (
        <Suspense fallback={null}>
          <NoticeSnackbar key={notice.key} notice={notice} onClose={close} />
        </Suspense>
      )}
    </NotifyContext.Provider>
  )
}

/** Shows a notice in the app's snackbar. */
export function useNotify(): Notify {
  const notify = useContext(NotifyContext)
  if (!notify) throw new Error('useNotify() outside <NotifierProvider>')
  return notify
}
