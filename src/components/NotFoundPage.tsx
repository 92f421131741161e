import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { Link as RouterLink } from 'react-router'
import { PageLayout } from './PageLayout'

interface Props {
  title?: string
  message?: string
}

export function NotFoundPage({
  title = 'Page not found',
  message = 'There is nothing at this address. It may have been moved, or the link may be mistyped.',
}: Props) {
  return (
    <PageLayout title={title}>
      <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Typography>{message}</Typography>
        <Button component={RouterLink} to="/looks" variant="contained">
          Search looks
        </Button>
      </Stack>
    </PageLayout>
  )
}
