import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { Link as RouterLink } from 'react-router'
import { ErrorPanel } from '../../components/ErrorPanel'
import { NotFoundPage } from '../../components/NotFoundPage'
import { PageLayout } from '../../components/PageLayout'
import { hasStatus } from '../../lib/errors'

/** The page's shape while the look loads, so nothing jumps when it arrives. */
export function LookSkeleton() {
  return (
    <Box sx={{ p: { xs: 2, md: 3 }, maxWidth: 1400, mx: 'auto' }} aria-busy="true" aria-label="Loading look">
      <Skeleton width={260} height={24} />
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', my: 1 }}>
        <Skeleton width="40%" height={48} />
        <Stack direction="row" spacing={1}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} variant="rounded" width={88} height={36} />
          ))}
        </Stack>
      </Stack>
      <Skeleton width={240} height={48} />
      <Skeleton variant="rounded" height={260} sx={{ mt: 2 }} />
    </Box>
  )
}

/** 404 → not found with a way back; 403 → no access; anything else → what happened and Retry. */
export function LookLoadError({
  lookId,
  error,
  onRetry,
}: {
  lookId: string
  error: unknown
  onRetry: () => void
}) {
  if (hasStatus(error, 404)) {
    return (
      <NotFoundPage
        title="Look not found"
        // Looker answers 404 alike for a look that never existed, one in a folder you cannot see, and one
        // in the trash (only admins see those once the deleter's undo window has passed): say all three.
        message={`Looker found no look with ID “${lookId}” that you can open. The link may be mistyped, the look may be in a folder you cannot see, or it may be in the trash, where only an admin can see and restore it.`}
      />
    )
  }
  if (hasStatus(error, 403)) {
    return (
      <PageLayout title="You don't have access to this look">
        <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Alert severity="warning">
            <AlertTitle>No access</AlertTitle>
            Looker did not let you open look {lookId}. Ask its owner or an admin for access to its folder.
          </Alert>
          <Button component={RouterLink} to="/looks" variant="contained">
            Search looks
          </Button>
        </Stack>
      </PageLayout>
    )
  }
  return (
    <PageLayout title="Could not load the look">
      <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
        <ErrorPanel error={error} title={`Look ${lookId} could not be loaded`} onRetry={onRetry} />
        <Typography>
          <Button component={RouterLink} to="/looks">
            Back to search
          </Button>
        </Typography>
      </Stack>
    </PageLayout>
  )
}
