import type { ILook } from '@looker/sdk/lib/4.0/models'
import Button from '@mui/material/Button'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TablePagination from '@mui/material/TablePagination'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { ErrorPanel } from '../../components/ErrorPanel'
import { PAGE_SIZES } from '../../lib/urlState'
import { lookListQueries } from '../../api/lookLists'
import { When } from '../../components/When'
import { useBulkFlow } from './BulkFlow'
import { LookSelectTable, type Column } from './LookSelectTable'
import { SelectionBar } from './SelectionBar'
import { useSelection } from './selection'
import { sortUnused, UNUSED_DAYS, UNUSED_SORTS, type TrashParams, type UnusedSort } from './trashParams'
import { toSelected } from '../../api/lookLists'

const COLUMNS: Column[] = [
  { header: 'Folder', cell: (l: ILook) => l.folder?.name ?? '—' },
  { header: 'Owner', cell: (l) => l.user_name ?? '—' },
  { header: 'Last viewed', cell: (l) => <When value={l.last_viewed_at} empty="Never" variant="stacked" /> },
  { header: 'Views', cell: (l) => (l.view_count ?? 0).toLocaleString(), width: 80 },
  { header: 'Created', cell: (l) => <When value={l.created_at} variant="stacked" /> },
]

interface Props {
  params: TrashParams
  onChange: (patch: Partial<TrashParams>) => void
}

/**
 * Live looks nobody has opened in N days, leaving out public looks and anyone's favorites (as Looker's
 * own Unused Content page does), with bulk "Move to trash". The whole list is loaded once (see
 * api/lookLists.ts), so sorting, paging and "select all" happen here.
 */
export function UnusedTab({ params, onChange }: Props) {
  const list = useQuery(lookListQueries.unused(params.days))
  const sorted = useMemo(() => sortUnused(list.data ?? [], params.unusedSort), [list.data, params.unusedSort])
  const sel = useSelection(`unused:${params.days}`)
  const bulk = useBulkFlow(sel.remove)
  // After a bulk move the list shrinks: never show a page past the end.
  const lastPage = Math.max(0, Math.ceil(sorted.length / params.size) - 1)
  const pageIndex = list.data ? Math.min(params.page - 1, lastPage) : params.page - 1
  const start = pageIndex * params.size
  const page = list.data ? sorted.slice(start, start + params.size) : undefined

  if (list.isError && !list.data) {
    return (
      <ErrorPanel
        title="Could not load unused looks"
        error={list.error}
        onRetry={() => void list.refetch()}
      />
    )
  }
  return (
    <>
      {/* useFlexGap: with margins instead of gap, a wrapped row starts indented by the spacing. */}
      <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        <TextField
          select
          size="small"
          label="Not viewed in"
          value={params.days}
          onChange={(e) => onChange({ days: Number(e.target.value) })}
          sx={{ minWidth: 160 }}
        >
          {UNUSED_DAYS.map((d) => (
            <MenuItem key={d} value={d}>
              {d} days
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="Sort by"
          value={params.unusedSort}
          onChange={(e) => onChange({ unusedSort: e.target.value as UnusedSort })}
          sx={{ minWidth: 220 }}
        >
          {Object.entries(UNUSED_SORTS).map(([value, label]) => (
            <MenuItem key={value} value={value}>
              {label}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        Public looks and looks someone has favorited are not listed.
      </Typography>
      <SelectionBar
        count={sel.count}
        matching={list.data ? sorted.length : null}
        allMatching={sel.selection.allMatching !== null}
        onSelectAllMatching={() => sel.selectAllMatching(sorted.map(toSelected))}
        loadingAll={null}
        loadAllError={null}
        onClear={sel.clear}
        statusRef={bulk.statusRef}
      >
        <Button
          variant="contained"
          color="warning"
          disabled={sel.count === 0}
          onClick={() => bulk.ask({ kind: 'trash', looks: [...sel.selection.looks.values()] })}
        >
          Move to trash
        </Button>
      </SelectionBar>
      <LookSelectTable
        label="Unused looks"
        looks={page}
        loading={list.isPending}
        columns={COLUMNS}
        selection={sel.selection}
        onToggle={sel.toggle}
        onTogglePage={sel.togglePage}
      />
      {list.data && sorted.length === 0 && (
        <Typography sx={{ p: 3, textAlign: 'center' }} color="text.secondary">
          Every look was viewed in the last {params.days} days.
        </Typography>
      )}
      <TablePagination
        component="div"
        count={list.data ? sorted.length : 0}
        page={list.data ? pageIndex : 0}
        rowsPerPage={params.size}
        rowsPerPageOptions={[...PAGE_SIZES]}
        onPageChange={(_, p) => onChange({ page: p + 1 })}
        onRowsPerPageChange={(e) => onChange({ size: Number(e.target.value) })}
      />
      {bulk.dialogs}
    </>
  )
}
