import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Typography from '@mui/material/Typography'
import { lazy, Suspense, type ReactNode } from 'react'
import { useLocation } from 'react-router'
import { useBackend, USER_SIGNED_OUT } from '../../lib/backend'
import { useSessionStatus } from './useSessionStatus'

// Shown only without a session: their code (a dialog, alerts) is not on the way to a signed-in first page.
const SessionEndedDialog = lazy(() =>
  import('./SessionEndedDialog').then((m) => ({ default: m.SessionEndedDialog })),
)
const SignedOutPanel = lazy(() => import('./SignedOutPanel').then((m) => ({ default: m.SignedOutPanel })))

/**
 * Shows the page only while there is a Looker session. When a session ends mid-use (renewal failed after
 * a 401), the page stays mounted under a dialog, so nothing typed is thrown away; signing in again comes
 * back to the same page (editors keep drafts in sessionStorage for the OAuth round trip, see lib/drafts.ts).
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { auth } = useBackend()
  const status = useSessionStatus(auth)
  const { pathname } = useLocation()
  if (!auth || status.state === 'signed-in' || pathname.endsWith('/oauth/callback')) return children
  if (status.state === 'signing-in') {
    return (
      // A linear bar, as the shell's own page loading shows: it is in the first load already (0012).
      <Box role="status" sx={{ maxWidth: 320, mx: 'auto', py: 8, textAlign: 'center' }}>
        <Typography gutterBottom>Signing in to Looker…</Typography>
        <LinearProgress aria-hidden />
      </Box>
    )
  }
  if (status.wasSignedIn && status.reason !== USER_SIGNED_OUT) {
    return (
      <>
        {children}
        <Suspense fallback={null}>
          <SessionEndedDialog auth={auth} reason={status.reason} />
        </Suspense>
      </>
    )
  }
  return (
    <Suspense fallback={null}>
      <SignedOutPanel auth={auth} reason={status.reason} />
    </Suspense>
  )
}
