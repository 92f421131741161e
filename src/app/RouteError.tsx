import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { isRouteErrorResponse, useRouteError } from 'react-router'
import { NotFoundPage } from '../components/NotFoundPage'
import { PageLayout } from '../components/PageLayout'
import { describeError } from '../lib/errors'

/** The error boundary for every route: a crash in one page never blanks the app shell. */
export function RouteError() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />
  console.error(error)
  return (
    <PageLayout title="Something went wrong">
      <Stack spacing={2} sx={{ alignItems: 'flex-start' }} role="alert">
        <Typography>This page hit an unexpected error: {describeError(error)}</Typography>
        <Button variant="contained" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </Stack>
    </PageLayout>
  )
}
