import type { ILook } from '@looker/sdk/lib/4.0/models'
import Checkbox from '@mui/material/Checkbox'
import Link from '@mui/material/Link'
import Skeleton from '@mui/material/Skeleton'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import visuallyHidden from '@mui/utils/visuallyHidden'
import type { ReactNode } from 'react'
import { Link as RouterLink } from 'react-router'
import { thumbnailSource } from '../../api/thumbnails'
import { ContentThumbnail, ThumbnailBox } from '../../components/ContentThumbnail'
import { pageState, type Selection } from './selection'
import { toSelected, type SelectedLook } from '../../api/lookLists'

export interface Column {
  header: string
  cell: (look: ILook) => ReactNode
  width?: number | string
}

const THUMBNAIL_WIDTH = 64

interface Props {
  label: string
  looks: readonly ILook[] | undefined
  loading: boolean
  columns: Column[]
  selection: Selection
  onToggle: (look: SelectedLook, on: boolean) => void
  onTogglePage: (looks: SelectedLook[], on: boolean) => void
  skeletonRows?: number
}

/** Rows of looks with a checkbox each and a "this page" checkbox; the title links to the look. */
export function LookSelectTable(props: Props) {
  const { looks, loading, columns, selection } = props
  const page = (looks ?? []).map(toSelected)
  const state = pageState(selection, page)
  return (
    <TableContainer>
      <Table size="small" aria-label={props.label}>
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">
              <Checkbox
                checked={state === 'all'}
                indeterminate={state === 'some'}
                disabled={page.length === 0}
                onChange={(e) => props.onTogglePage(page, e.target.checked)}
                slotProps={{ input: { 'aria-label': 'Select all looks on this page' } }}
              />
            </TableCell>
            <TableCell sx={{ width: THUMBNAIL_WIDTH }}>
              <span style={visuallyHidden}>Thumbnail</span>
            </TableCell>
            <TableCell>Title</TableCell>
            {columns.map((c) => (
              <TableCell key={c.header} sx={{ width: c.width, whiteSpace: 'nowrap' }}>
                {c.header}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {loading && !looks
            ? Array.from({ length: props.skeletonRows ?? 8 }, (_, i) => (
                <TableRow key={i} aria-hidden>
                  <TableCell padding="checkbox">
                    <Skeleton variant="rectangular" width={18} height={18} />
                  </TableCell>
                  <TableCell>
                    <ThumbnailBox width={THUMBNAIL_WIDTH} />
                  </TableCell>
                  {[0, ...columns.map((_, j) => j + 1)].map((j) => (
                    <TableCell key={j}>
                      <Skeleton />
                    </TableCell>
                  ))}
                </TableRow>
              ))
            : (looks ?? []).map((look, i) => {
                const item = page[i]!
                const checked = selection.looks.has(item.id)
                return (
                  <TableRow key={item.id} hover selected={checked}>
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={checked}
                        onChange={(e) => props.onToggle(item, e.target.checked)}
                        slotProps={{ input: { 'aria-label': `Select ${item.title}` } }}
                      />
                    </TableCell>
                    <TableCell sx={{ py: 0.75 }}>
                      <ContentThumbnail
                        source={thumbnailSource}
                        type="look"
                        id={item.id}
                        version={look.updated_at}
                        width={THUMBNAIL_WIDTH}
                      />
                    </TableCell>
                    {/* A floor under the title: word-break let the auto table squeeze it to ~4 letters a
                        line on a phone. Wider tables scroll inside the TableContainer instead. */}
                    <TableCell sx={{ minWidth: '12rem', overflowWrap: 'anywhere' }}>
                      <Link component={RouterLink} to={`/looks/${encodeURIComponent(item.id)}`}>
                        {item.title}
                      </Link>
                    </TableCell>
                    {columns.map((c) => (
                      <TableCell key={c.header}>{c.cell(look)}</TableCell>
                    ))}
                  </TableRow>
                )
              })}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
