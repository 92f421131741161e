import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router'
import { PageLayout } from '../../components/PageLayout'
import { ErrorPanel } from '../../components/ErrorPanel'
import { useBackend } from '../../lib/backend'
import { describeError } from '../../lib/errors'

/** One exchange per callback URL, even when React runs the effect twice (StrictMode). */
const exchanges = new Map<string, Promise<string>>()

/** /oauth/callback: Looker sends the browser here with ?code&state; exchange the code, then go back. */
export function OAuthCallbackPage() {
  const { auth } = useBackend()
  const navigate = useNavigate()
  const [error, setError] = useState<string | null>(null)
  const completeSignIn = auth?.completeSignIn ?? null

  useEffect(() => {
    if (!completeSignIn) return
    const search = window.location.search
    let exchange = exchanges.get(search)
    if (!exchange) {
      exchange = completeSignIn(search)
      exchanges.set(search, exchange)
    }
    let active = true
    exchange.then(
      (returnTo) => {
        if (active) void navigate(returnTo, { replace: true })
      },
      (e: unknown) => {
        if (active) setError(describeError(e))
      },
    )
    return () => {
      active = false
    }
  }, [completeSignIn, navigate])

  const problem = completeSignIn ? error : 'This Lookbook is not set up for OAuth sign-in.'
  if (!problem) {
    return (
      <Box
        role="status"
        sx={{ display: 'flex', gap: 2, alignItems: 'center', justifyContent: 'center', py: 8 }}
      >
        <CircularProgress size={24} aria-hidden />
        <Typography>Finishing sign-in…</Typography>
      </Box>
    )
  }
  return (
    <PageLayout title="Sign-in failed">
      <Stack spacing={2} sx={{ maxWidth: 720, alignItems: 'flex-start' }}>
        <ErrorPanel variant="inline" detail={problem} />
        {auth && (
          <Button variant="contained" onClick={() => void auth.signIn('/looks')}>
            Sign in again
          </Button>
        )}
      </Stack>
    </PageLayout>
  )
}
