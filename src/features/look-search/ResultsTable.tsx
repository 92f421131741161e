import type { ILook } from '@looker/sdk/lib/4.0/models'
import Star from '@mui/icons-material/Star'
import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { styled } from '@mui/material/styles'
import Typography from '@mui/material/Typography'
// MUI's own 1px clip: in `sx` a bare `1` means 100%, so a hand-written `width: 1` covered the viewport.
import visuallyHidden from '@mui/utils/visuallyHidden'
import { useQueryClient } from '@tanstack/react-query'
import { lazy, useRef, type KeyboardEvent } from 'react'
import { Link as RouterLink } from 'react-router'
import { folderQueries } from '../../api/folders'
import { lookQueries } from '../../api/looks'
import { AfterContent } from '../../components/AfterContent'
import { ThumbnailBox } from '../../components/ContentThumbnail/ThumbnailBox'
import { When } from '../../components/When'
import { formatCount } from '../../lib/counts'
import { usePrefetchRoute } from '../../lib/routePrefetch'
import { ROW_LINK, SEARCH_INPUT } from './keyboardTargets'

/**
 * A result's title: the router's link styled as MUI's Link with underline="hover" would be, without
 * MUI's Link module on the first load (decision 0012).
 */
const TitleLink = styled(RouterLink)(({ theme }) => ({
  color: theme.palette.primary.main,
  textDecoration: 'none',
  '&:hover': { textDecoration: 'underline' },
}))

/** The search list's thumbnails: small enough for a compact row, large enough to tell a pie from a table. */
const THUMBNAIL_WIDTH = 64
// Thumbnails come after the first results: their code, their queue and their requests (decision 0012).
const ResultThumbnail = lazy(() => import('./ResultThumbnail').then((m) => ({ default: m.ResultThumbnail })))

interface Props {
  looks: ILook[]
  /** The rows belong to the previous search while the next one loads. */
  stale: boolean
}

/**
 * Plain MUI table with server paging (docs/decisions/0005-search-list.md): at most 100 rows are ever on
 * screen, so virtualization buys nothing. Arrow keys move between the title links (ArrowUp on the first
 * goes back to the search field); Enter opens one.
 */
export function ResultsTable({ looks, stale }: Props) {
  const queryClient = useQueryClient()
  const body = useRef<HTMLTableSectionElement>(null)

  const prefetchRoute = usePrefetchRoute()
  // Pointing at a row (hover or focus) readies its look page: the page's code, the look and the folders
  // its breadcrumb shows, all at once. Rows nobody points at cost nothing.
  const prefetch = ({ id, folder_id: folderId }: ILook) => {
    if (!id) return
    prefetchRoute(`/looks/${encodeURIComponent(id)}`)
    void queryClient.prefetchQuery(lookQueries.detail(id))
    if (folderId) {
      void queryClient.prefetchQuery(folderQueries.ancestors(folderId))
      void queryClient.prefetchQuery(folderQueries.detail(folderId))
    }
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const links = Array.from(body.current?.querySelectorAll<HTMLAnchorElement>(ROW_LINK) ?? [])
    const current = links.findIndex((link) => link === document.activeElement)
    if (event.key === 'ArrowUp' && current === 0) {
      // Back up into the search field, the way ArrowDown came down from it.
      const field = document.querySelector<HTMLInputElement>(SEARCH_INPUT)
      if (field) {
        event.preventDefault()
        field.focus()
        return
      }
    }
    const target =
      event.key === 'ArrowDown'
        ? Math.min(current + 1, links.length - 1)
        : event.key === 'ArrowUp'
          ? Math.max(current - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? links.length - 1
              : null
    if (target === null || links.length === 0) return
    event.preventDefault()
    links[target]?.focus()
  }

  return (
    <TableContainer sx={{ opacity: stale ? 0.55 : 1, transition: 'opacity 120ms' }}>
      <Table size="small" aria-label="Looks" aria-busy={stale}>
        <ResultsHead />
        <TableBody ref={body} onKeyDown={onKeyDown}>
          {looks.map((look) => (
            <ResultRow key={look.id} look={look} onPrefetch={prefetch} />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}

function ResultsHead() {
  return (
    <TableHead>
      <TableRow>
        <TableCell sx={{ width: THUMBNAIL_WIDTH }}>
          <Box component="span" sx={visuallyHidden}>
            Thumbnail
          </Box>
        </TableCell>
        <TableCell>Title</TableCell>
        <TableCell>Folder</TableCell>
        <TableCell>Owner</TableCell>
        <TableCell>Updated</TableCell>
        <TableCell align="right">Views</TableCell>
      </TableRow>
    </TableHead>
  )
}

function ResultRow({ look, onPrefetch }: { look: ILook; onPrefetch: (look: ILook) => void }) {
  const id = look.id ?? ''
  return (
    <TableRow hover onMouseEnter={() => onPrefetch(look)} onFocus={() => onPrefetch(look)}>
      <TableCell sx={{ py: 0.75 }}>
        <AfterContent placeholder={<ThumbnailBox width={THUMBNAIL_WIDTH} />}>
          <ResultThumbnail look={look} width={THUMBNAIL_WIDTH} />
        </AfterContent>
      </TableCell>
      <TableCell sx={{ maxWidth: 420 }}>
        <TitleLink to={`/looks/${encodeURIComponent(id)}`} data-row-link="">
          {look.title || `Untitled look ${id}`}
        </TitleLink>
        {look.content_favorite_id != null && (
          <Star
            fontSize="inherit"
            color="warning"
            titleAccess="Favorite"
            sx={{ ml: 0.5, verticalAlign: -2 }}
          />
        )}
        {look.description && (
          <Typography variant="body2" color="text.secondary" noWrap title={look.description}>
            {look.description}
          </Typography>
        )}
      </TableCell>
      <TableCell>{look.folder?.name ?? '—'}</TableCell>
      <TableCell>{look.user_name ?? '—'}</TableCell>
      <TableCell>
        <When value={look.updated_at} />
      </TableCell>
      <TableCell align="right">{formatCount(look.view_count ?? 0)}</TableCell>
    </TableRow>
  )
}

/** Placeholder rows while the first page loads, as tall as a row with its thumbnail. */
export function ResultsSkeleton({ rows }: { rows: number }) {
  return (
    <Box aria-busy="true" aria-label="Loading looks" role="status">
      {Array.from({ length: Math.min(rows, 12) }, (_, i) => (
        <Skeleton key={i} variant="rounded" height={56} sx={{ mb: 0.75 }} />
      ))}
    </Box>
  )
}
