import { Alert } from './LazyAlert'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'

interface Props {
  onPage: (page: number) => void
  /** The last page that has results, when the total is known and above zero. */
  lastPage?: number | null
}

/**
 * A paged list opened on a page beyond its end (an old link, or rows removed since): say so and offer
 * the way back, rather than "nothing here", which would read as an empty list.
 */
export function PastLastPage({ onPage, lastPage }: Props) {
  return (
    <Alert
      severity="info"
      sx={{ m: 2 }}
      action={
        <Stack direction="row" spacing={1}>
          <Button onClick={() => onPage(1)} sx={{ whiteSpace: 'nowrap' }}>
            First page
          </Button>
          {lastPage != null && lastPage > 1 && (
            <Button onClick={() => onPage(lastPage)} sx={{ whiteSpace: 'nowrap' }}>
              Last page ({lastPage.toLocaleString()})
            </Button>
          )}
        </Stack>
      }
    >
      This page is past the last result.
    </Alert>
  )
}
