import type { ILook } from '@looker/sdk/lib/4.0/models'
import Button from '@mui/material/Button'
import TablePagination from '@mui/material/TablePagination'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { lookListQueries, useAllMatching } from '../../api/lookLists'
import { userQueries } from '../../api/users'
import { ErrorPanel } from '../../components/ErrorPanel'
import { PAGE_SIZES } from '../../lib/urlState'
import { PastLastPage } from '../../components/PastLastPage'
import { When } from '../../components/When'
import { daysSince } from '../../lib/dates'
import { describeError } from '../../lib/errors'
import { useBulkFlow } from './BulkFlow'
import { LookSelectTable, type Column } from './LookSelectTable'
import { SelectionBar } from './SelectionBar'
import { TrashFilters } from './TrashFilters'
import { useSelection } from './selection'
import { trashSearch, type TrashParams } from './trashParams'

function UserName({ id }: { id: string | null | undefined }) {
  const user = useQuery({ ...userQueries.detail(id ?? ''), enabled: Boolean(id) })
  if (!id) return <>—</>
  return <>{user.data?.display_name ?? (user.isError ? `User ${id}` : '…')}</>
}

const COLUMNS: Column[] = [
  {
    header: 'Original folder',
    cell: (l: ILook) => l.folder?.name ?? <em>Folder {l.folder_id ?? '?'} (no longer exists)</em>,
  },
  { header: 'Owner', cell: (l) => l.user_name ?? <UserName id={l.user_id} /> },
  { header: 'Deleted by', cell: (l) => <UserName id={l.deleter_id} /> },
  { header: 'Deleted', cell: (l) => <When value={l.deleted_at} variant="stacked" /> },
  {
    header: 'Days in trash',
    cell: (l) => daysSince(l.deleted_at)?.toLocaleString() ?? '—',
    width: 110,
  },
]

interface Props {
  params: TrashParams
  onChange: (patch: Partial<TrashParams>) => void
}

/** The soft-deleted looks, filtered and paged on the server, with bulk restore and permanent delete. */
export function TrashTab({ params, onChange }: Props) {
  const search = trashSearch(params)
  const list = useQuery(
    lookListQueries.trash({ ...search, limit: params.size, offset: (params.page - 1) * params.size }),
  )
  // The selection belongs to the filters, not to the order: re-sorting keeps it, a new filter clears it.
  const sel = useSelection(JSON.stringify({ ...search, sorts: undefined }))
  const matching = useAllMatching(search)
  const bulk = useBulkFlow(sel.remove)
  const total = list.data?.total ?? null
  const looks = list.data?.looks

  const selectAllMatching = async () => {
    const all = await matching.load()
    if (all) sel.selectAllMatching(all)
  }
  const selected = [...sel.selection.looks.values()]

  if (list.isError && !list.data) {
    return (
      <ErrorPanel title="Could not load the trash" error={list.error} onRetry={() => void list.refetch()} />
    )
  }
  const filtered = Boolean(params.q.trim() || params.owner || params.folder)
  // An empty page after the first is a link past the end (or rows restored since), not an empty trash.
  const pastEnd = looks !== undefined && looks.length === 0 && params.page > 1
  return (
    <>
      <TrashFilters params={params} onChange={onChange} />
      <SelectionBar
        count={sel.count}
        matching={total}
        allMatching={sel.selection.allMatching !== null}
        onSelectAllMatching={() => void selectAllMatching()}
        loadingAll={matching.found === null ? null : { loaded: matching.found }}
        loadAllError={
          matching.error ? `Could not select every matching look: ${describeError(matching.error)}` : null
        }
        onClear={sel.clear}
        statusRef={bulk.statusRef}
      >
        <Button
          variant="outlined"
          disabled={sel.count === 0}
          onClick={() => bulk.ask({ kind: 'restore', looks: selected })}
        >
          Restore
        </Button>
        <Button
          variant="contained"
          color="error"
          disabled={sel.count === 0}
          onClick={() => bulk.ask({ kind: 'delete', looks: selected })}
        >
          Delete permanently
        </Button>
      </SelectionBar>
      {list.isError && <ErrorPanel variant="stale" what="the list" />}
      <LookSelectTable
        label="Looks in the trash"
        looks={looks}
        loading={list.isPending}
        columns={COLUMNS}
        selection={sel.selection}
        onToggle={sel.toggle}
        onTogglePage={sel.togglePage}
      />
      {pastEnd && (
        <PastLastPage
          onPage={(page) => onChange({ page })}
          lastPage={total ? Math.ceil(total / params.size) : null}
        />
      )}
      {looks && looks.length === 0 && !pastEnd && (
        <Typography sx={{ p: 3, textAlign: 'center' }} color="text.secondary">
          {filtered ? 'No looks in the trash match these filters.' : 'The trash is empty.'}
        </Typography>
      )}
      {/* Past the end, MUI's pager would show a range like "4,901–24 of 24". */}
      {!pastEnd && (
        <TablePagination
          component="div"
          count={total ?? -1}
          page={params.page - 1}
          rowsPerPage={params.size}
          rowsPerPageOptions={[...PAGE_SIZES]}
          onPageChange={(_, page) => onChange({ page: page + 1 })}
          onRowsPerPageChange={(e) => onChange({ size: Number(e.target.value) })}
          slotProps={{
            actions: {
              nextButton: {
                disabled:
                  total === null ? (looks?.length ?? 0) < params.size : params.page * params.size >= total,
              },
            },
          }}
        />
      )}
      {bulk.dialogs}
    </>
  )
}
