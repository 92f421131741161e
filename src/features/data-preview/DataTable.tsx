import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import type { DetailField, JsonDetailResult } from '../../api/queryTasks'
import { cellText } from './formatCell'

/** Rows of a json_detail result: column labels as headers, Looker's rendered values, numbers right-aligned. */
export function DataTable({ result, caption }: { result: JsonDetailResult; caption: string }) {
  const fields: DetailField[] = [
    ...(result.fields.dimensions ?? []),
    ...(result.fields.measures ?? []),
    ...(result.fields.table_calculations ?? []),
  ]
  if (result.data.length === 0)
    return <Typography color="text.secondary">The query returned no rows.</Typography>
  return (
    // The box scrolls on its own, so it takes Tab and has a name: keyboard users scroll it with the arrows.
    <TableContainer
      component={Paper}
      variant="outlined"
      tabIndex={0}
      role="region"
      aria-label={caption}
      sx={{ maxHeight: '65vh' }}
    >
      <Table size="small" stickyHeader aria-label={caption}>
        <TableHead>
          <TableRow>
            {fields.map((f) => (
              <TableCell key={f.name} align={f.is_numeric ? 'right' : 'left'} title={f.name}>
                {f.label ?? f.name}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {result.data.map((row, index) => (
            <TableRow key={index} hover>
              {fields.map((f) => (
                <TableCell
                  key={f.name}
                  align={f.is_numeric ? 'right' : 'left'}
                  sx={{ fontVariantNumeric: 'tabular-nums' }}
                >
                  {cellText(row[f.name])}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
