import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import { useLocation } from 'react-router'
import { PageLayout } from '../../components/PageLayout'
import { ErrorPanel } from '../../components/ErrorPanel'
import { useBackend, USER_SIGNED_OUT, type AuthControls } from '../../lib/backend'
import { describeError } from '../../lib/errors'

/** No session: why, and the one action that helps (Sign in with Looker, or Try again for the proxy). */
export function SignedOutPanel({ auth, reason }: { auth: AuthControls; reason: string | null }) {
  const { label } = useBackend()
  const location = useLocation()
  const [failure, setFailure] = useState<string | null>(null)
  const returnTo = `${location.pathname}${location.search}`
  const signIn = () => {
    setFailure(null)
    auth.signIn(returnTo).catch((e: unknown) => setFailure(describeError(e)))
  }
  if (auth.kind === 'proxy') {
    return (
      <PageLayout title="Cannot connect to Looker">
        <Stack spacing={2} sx={{ maxWidth: 720 }}>
          <ErrorPanel
            title={`The Lookbook server could not connect you to ${label}`}
            detail={reason ?? 'The server did not say why.'}
          />
          <Typography>
            Lookbook signs in to Looker on the server with the API key in LOOKER_CLIENT_ID and
            LOOKER_CLIENT_SECRET (from the environment or .env.local), and answers only pages opened at an
            address it knows (localhost, or those in PUBLIC_ORIGIN). Fix the setting, restart the server, then
            try again.
          </Typography>
          <div>
            <Button variant="contained" onClick={signIn}>
              Try again
            </Button>
          </div>
        </Stack>
      </PageLayout>
    )
  }
  return (
    <PageLayout title={reason === USER_SIGNED_OUT ? 'Signed out' : 'Sign in to Looker'}>
      <Stack spacing={2} sx={{ maxWidth: 720, alignItems: 'flex-start' }}>
        {reason && <Alert severity={reason === USER_SIGNED_OUT ? 'info' : 'warning'}>{reason}</Alert>}
        <Typography>
          Lookbook uses your own Looker account on {label}. You sign in on Looker’s page.
        </Typography>
        <Button variant="contained" onClick={signIn}>
          Sign in with Looker
        </Button>
        {failure && <ErrorPanel variant="inline" detail={failure} />}
      </Stack>
    </PageLayout>
  )
}
