import ChevronLeft from '@mui/icons-material/ChevronLeft'
import ChevronRight from '@mui/icons-material/ChevronRight'
import IconButton from '@mui/material/IconButton'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { formatCount } from '../../lib/counts'
import { lazy } from 'react'
import { AfterContent } from '../../components/AfterContent'
import type { PageSize } from '../../lib/urlState'

const PageSizeSelect = lazy(() => import('./PageSizeSelect').then((m) => ({ default: m.PageSizeSelect })))

interface Props {
  page: number
  size: PageSize
  /** Rows on this page. */
  count: number
  /** From X-Total-Count; null when the server did not say. */
  total: number | null
  onPage: (page: number) => void
  onSize: (size: PageSize) => void
}

/** "51–100 of 1,234" with a known total; otherwise "51–100" and Next while pages come back full. */
export function Pager({ page, size, count, total, onPage, onSize }: Props) {
  const first = (page - 1) * size + 1
  const last = (page - 1) * size + count
  const range = count === 0 ? 'No looks on this page' : `${formatCount(first)}–${formatCount(last)}`
  const label = total !== null && count > 0 ? `${range} of ${formatCount(total)}` : range
  const hasNext = total !== null ? page * size < total : count === size
  return (
    <Stack
      component="nav"
      aria-label="Pages"
      direction="row"
      spacing={1}
      sx={{ alignItems: 'center', justifyContent: 'flex-end', py: 1, flexWrap: 'wrap' }}
    >
      <AfterContent placeholder={<Skeleton variant="rounded" width={96} height={40} />}>
        <PageSizeSelect size={size} onSize={onSize} />
      </AfterContent>
      <Typography role="status" sx={{ minWidth: 140, textAlign: 'right' }}>
        {label}
      </Typography>
      <IconButton aria-label="Previous page" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <ChevronLeft />
      </IconButton>
      <IconButton aria-label="Next page" disabled={!hasNext} onClick={() => onPage(page + 1)}>
        <ChevronRight />
      </IconButton>
    </Stack>
  )
}
