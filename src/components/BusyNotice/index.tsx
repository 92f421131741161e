import { lazy, Suspense, useSyncExternalStore } from 'react'
import { busyWaits } from '../../lib/busyWaits'

// The notice's code (MUI Snackbar) loads with the first wait, not with the app shell (decision 0012).
const BusyNotice = lazy(() => import('./BusyNotice').then((m) => ({ default: m.BusyNotice })))

/** Mounted once in the app: shows the writes that wait for a busy Looker (lib/busyWaits). */
export function BusyNoticeHost() {
  const waits = useSyncExternalStore(busyWaits.subscribe, busyWaits.current)
  if (waits.length === 0) return null
  return (
    <Suspense fallback={null}>
      <BusyNotice waits={waits} />
    </Suspense>
  )
}

export { BusyMessage } from './BusyMessage'
