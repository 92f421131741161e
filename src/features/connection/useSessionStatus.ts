import { useSyncExternalStore } from 'react'
import type { AuthControls } from '../../lib/backend'
import type { SessionStatus } from '../../lib/tokenSession'

const ALWAYS_SIGNED_IN: SessionStatus = { state: 'signed-in' }
const noop = () => () => undefined

/** The connected session's state; demo mode is always "signed in". */
export function useSessionStatus(auth: AuthControls | null | undefined): SessionStatus {
  return useSyncExternalStore(auth ? (listener) => auth.session.subscribe(listener) : noop, () =>
    auth ? auth.session.status() : ALWAYS_SIGNED_IN,
  )
}
