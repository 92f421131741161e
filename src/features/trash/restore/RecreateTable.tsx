import Checkbox from '@mui/material/Checkbox'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import type { BackupLook } from '../../../api/lookBackupFormat'
import { describeError } from '../../../lib/errors'
import type { RecreateRow, RecreateStep } from './recreatePlan'

/** Where the look was: its folder path from the backup (Shared › Sales › Pipeline). */
function folderPath(look: BackupLook): string {
  const { path, name, id } = look.folder
  if (path && path.length > 0) return path.map((p) => p.name).join(' › ')
  return name ?? (id ? `Folder ${id}` : 'no folder')
}

const WHY = { gone: 'is gone', 'read-only': 'takes no new looks' } as const

/** What will happen to the look, in words; `tone` colors problems. */
export function describeStep(
  look: BackupLook,
  step: RecreateStep,
): { text: string; tone?: 'error' | 'warning' } {
  switch (step.kind) {
    case 'checking':
      return { text: 'Checking its folder and title…' }
    case 'check-failed':
      return { text: `Could not check its folder: ${describeError(step.error)}`, tone: 'error' }
    case 'needs-folder':
      return { text: `Its folder ${WHY[step.why]}: choose a folder for it.`, tone: 'warning' }
    case 'ready': {
      const into = step.movedFrom
        ? `Into “${step.folder.name}” (its folder ${WHY[step.movedFrom]})`
        : `Into its folder “${step.folder.name}”`
      const title = step.renamed ? `; “${look.title}” is taken there, so as “${step.title}”` : ''
      return { text: `${into}${title}.`, tone: step.renamed || step.movedFrom ? 'warning' : undefined }
    }
  }
}

interface Props {
  rows: RecreateRow[]
  selected: ReadonlySet<string>
  onToggle: (id: string, on: boolean) => void
  onToggleAll: (on: boolean) => void
}

export function RecreateTable({ rows, selected, onToggle, onToggleAll }: Props) {
  const n = rows.filter((r) => selected.has(r.look.id)).length
  return (
    <TableContainer sx={{ mt: 2 }}>
      <Table size="small" aria-label="Looks in the backup">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">
              <Checkbox
                checked={n > 0 && n === rows.length}
                indeterminate={n > 0 && n < rows.length}
                onChange={(e) => onToggleAll(e.target.checked)}
                slotProps={{ input: { 'aria-label': 'Select every look in the backup' } }}
              />
            </TableCell>
            <TableCell>Look</TableCell>
            <TableCell>What will happen</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ look, step }) => {
            const { text, tone } = describeStep(look, step)
            return (
              <TableRow key={look.id} hover>
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={selected.has(look.id)}
                    onChange={(e) => onToggle(look.id, e.target.checked)}
                    slotProps={{ input: { 'aria-label': `Re-create “${look.title}”` } }}
                  />
                </TableCell>
                <TableCell sx={{ minWidth: 150, overflowWrap: 'anywhere' }}>
                  {look.title}
                  <Typography variant="body2" color="text.secondary">
                    Was in {folderPath(look)}
                    {look.owner.name ? ` · by ${look.owner.name}` : ''}
                  </Typography>
                </TableCell>
                <TableCell sx={{ minWidth: 150 }}>
                  <Typography variant="body2" color={tone === 'error' ? 'error.main' : 'text.primary'}>
                    {text}
                  </Typography>
                </TableCell>
              </TableRow>
            )
          })}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
