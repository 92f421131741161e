import Button from '@mui/material/Button'
import Card from '@mui/material/Card'
import CardContent from '@mui/material/CardContent'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { versionQueries } from '../../api/auth'
import { userQueries } from '../../api/users'
import { ErrorPanel } from '../../components/ErrorPanel'
import { PageLayout } from '../../components/PageLayout'
import { useBackend } from '../../lib/backend'
import { DemoDataCard } from './DemoDataCard'
import { TaskDeadlineCard } from './TaskDeadlineCard'

const HOW: Record<string, string> = {
  demo: 'Demo: a simulated Looker running in this browser',
  proxy: 'Server sign-in: the Lookbook server signs in with its API key',
  oauth: 'OAuth: your own Looker account',
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
      <Typography component="dt" sx={{ width: 180, color: 'text.secondary', flexShrink: 0 }}>
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0 }}>
        {children}
      </Typography>
    </Stack>
  )
}

export function SettingsPage() {
  const backend = useBackend()
  const me = useQuery(userQueries.me())
  const version = useQuery(versionQueries.current())
  return (
    <PageLayout title="Settings">
      <Stack spacing={3}>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h2" gutterBottom>
              Connection
            </Typography>
            <Stack component="dl" spacing={1} sx={{ m: 0 }}>
              <Row label="Connection">{HOW[backend.auth?.kind ?? 'demo']}</Row>
              <Row label="Looker">
                {backend.mode === 'demo' ? (
                  'Simulated Looker (demo data)'
                ) : backend.lookerWebUrl ? (
                  <Link href={backend.lookerWebUrl} target="_blank" rel="noopener noreferrer">
                    {backend.label}
                  </Link>
                ) : (
                  backend.label
                )}
              </Row>
              <Row label="Signed in as">
                {me.isPending ? (
                  <Skeleton width={200} />
                ) : me.isError ? (
                  'unknown'
                ) : (
                  `${me.data.display_name ?? ''} (${me.data.email ?? `user ${me.data.id}`})`
                )}
              </Row>
              <Row label="Looker release">
                {version.isPending ? (
                  <Skeleton width={120} />
                ) : version.isError ? (
                  'unknown'
                ) : (
                  `${version.data.looker_release_version ?? '?'} · API ${version.data.current_version?.version ?? '4.0'}`
                )}
              </Row>
            </Stack>
            {(me.isError || version.isError) && (
              <ErrorPanel
                error={me.error ?? version.error}
                title="Could not read the connection details"
                onRetry={() => {
                  void me.refetch()
                  void version.refetch()
                }}
              />
            )}
          </CardContent>
        </Card>
        <TaskDeadlineCard />
        {backend.demo && <DemoDataCard demo={backend.demo} />}
        {backend.auth?.signOut && (
          <Card variant="outlined">
            <CardContent>
              <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
                <Typography variant="h2">Session</Typography>
                <Typography>
                  Your Looker token is kept only in this tab’s memory. Signing out forgets it here; you stay
                  signed in to Looker itself.
                </Typography>
                <Button variant="outlined" onClick={() => void backend.auth?.signOut?.()}>
                  Sign out
                </Button>
              </Stack>
            </CardContent>
          </Card>
        )}
      </Stack>
    </PageLayout>
  )
}
