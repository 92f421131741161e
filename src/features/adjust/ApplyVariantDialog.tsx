import Box from '@mui/material/Box'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import type { IQuery } from '@looker/sdk/lib/4.0/models'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorPanel } from '../../components/ErrorPanel'
import type { Adjustments } from './adjustParams'
import { adjustedFilters, describeChanges, type LabelOf } from './variant'

export interface BeforeAfterRow {
  what: string
  before: string
  after: string
  changed: boolean
}

const NONE = '—'

/** Every filter of the look before and after (changed ones marked), then the limit and sorts if changed. */
export function beforeAfter(saved: IQuery, a: Adjustments, labelOf: LabelOf): BeforeAfterRow[] {
  const before = saved.filters ?? {}
  const after = adjustedFilters(saved, a)
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  const rows: BeforeAfterRow[] = names.map((name) => ({
    what: labelOf(name),
    before: before[name] ?? NONE,
    after: after[name] ?? NONE,
    changed: before[name] !== after[name],
  }))
  for (const change of describeChanges(a, saved, labelOf)) {
    if (change.key === 'limit')
      rows.push({
        what: 'Row limit',
        before: change.before ?? NONE,
        after: change.after ?? NONE,
        changed: true,
      })
    if (change.key === 'sorts')
      rows.push({ what: 'Sorts', before: change.before ?? NONE, after: change.after ?? NONE, changed: true })
  }
  return rows
}

/**
 * "Apply to this look": update_look with the variant's query, after showing what changes. Everyone who
 * opens the look (and every dashboard tile of it) then sees the new filters; Undo puts the old query back.
 */
export function ApplyVariantDialog({
  open,
  title,
  rows,
  error,
  onCancel,
  onConfirm,
}: {
  open: boolean
  title: string
  rows: BeforeAfterRow[]
  /** Why the last attempt failed; the dialog stays open with it. */
  error: string | null
  onCancel: () => void
  onConfirm: () => Promise<void>
}) {
  return (
    <ConfirmDialog
      open={open}
      title="Apply the changes to this look?"
      message={
        <Typography component="span">
          “{title}” will show the new filters to everyone who opens it, and on every dashboard that uses it.
          You can undo this right after.
        </Typography>
      }
      confirmLabel="Apply to this look"
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      <Table size="small" aria-label="Before and after" sx={{ mt: 2 }}>
        <TableHead>
          <TableRow>
            <TableCell>Filter</TableCell>
            <TableCell>Before</TableCell>
            <TableCell>After</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.what} sx={row.changed ? { '& td': { fontWeight: 600 } } : undefined}>
              <TableCell component="th" scope="row">
                {row.what}
                {row.changed && (
                  <Typography component="span" variant="caption" color="text.secondary">
                    {' '}
                    (changed)
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{row.before}</TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{row.after}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {error && (
        <Box sx={{ mt: 2 }}>
          <ErrorPanel variant="inline" detail={error} />
        </Box>
      )}
    </ConfirmDialog>
  )
}
