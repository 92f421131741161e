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
import {
  sortUnused,
  UNUSED_DAYS,
  UNUSED_REASONS,
  UNUSED_SORTS,
  type TrashParams,
  type UnusedReason,
  type UnusedSort,
} from './trashParams'
import { toSelected } from '../../api/lookLists'
import { LeaveOutFilters, LeftOutSummary } from './UnusedLeftOut'
import { useUnusedChecks } from './useUnusedChecks'

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
 * Live looks nobody has opened in N days, leaving out what Looker's own Unused Content page leaves out:
 * public, favorited and scheduled looks and looks on dashboards, each a filter the admin can switch off;
 * with bulk "Move to trash". The whole list is loaded once (see api/lookLists.ts), so sorting, paging and
 * "select all" happen here; scheduled and on-a-dashboard are checked per look (useUnusedChecks).
 */
export function UnusedTab({ params, onChange }: Props) {
  const list = useQuery(lookListQueries.unused(params.days))
  const leaveOut = useMemo(
    () => new Set((Object.keys(UNUSED_REASONS) as UnusedReason[]).filter((r) => !params.show.includes(r))),
    [params.show],
  )
  const checks = useUnusedChecks(list.data, leaveOut)
  const unused = checks?.unused
  const sorted = useMemo(() => sortUnused(unused ?? [], params.unusedSort), [unused, params.unusedSort])
  const sel = useSelection(`unused:${params.days}:${params.show.join(',')}`)
  const bulk = useBulkFlow(sel.remove)
  const checking = (checks?.checking ?? 0) > 0
  // After a bulk move the list shrinks: never show a page past the end.
  const lastPage = Math.max(0, Math.ceil(sorted.length / params.size) - 1)
  const pageIndex = unused ? Math.min(params.page - 1, lastPage) : params.page - 1
  const start = pageIndex * params.size
  const page = unused ? sorted.slice(start, start + params.size) : undefined

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
      <LeaveOutFilters
        leaveOut={leaveOut}
        onChange={(reason, on) =>
          onChange({ show: on ? params.show.filter((r) => r !== reason) : [...params.show, reason] })
        }
      />
      {checks && <LeftOutSummary checks={checks} />}
      <SelectionBar
        count={sel.count}
        matching={unused && !checking ? sorted.length : null}
        allMatching={sel.selection.allMatching !== null}
        onSelectAllMatching={() => sel.selectAllMatching(sorted.map(toSelected))}
        selectAllDisabled={checking}
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
      {unused && !checking && sorted.length === 0 && (
        <Typography sx={{ p: 3, textAlign: 'center' }} color="text.secondary">
          {list.data?.length
            ? `No unused looks: every look not viewed in the last ${params.days} days is left out above.`
            : `Every look was viewed in the last ${params.days} days.`}
        </Typography>
      )}
      <TablePagination
        component="div"
        count={unused ? sorted.length : 0}
        page={unused ? pageIndex : 0}
        rowsPerPage={params.size}
        rowsPerPageOptions={[...PAGE_SIZES]}
        onPageChange={(_, p) => onChange({ page: p + 1 })}
        onRowsPerPageChange={(e) => onChange({ size: Number(e.target.value) })}
      />
      {bulk.dialogs}
    </>
  )
}
