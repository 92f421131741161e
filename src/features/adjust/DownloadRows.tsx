import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useId } from 'react'
import type { RowsChoice } from './downloadOptions'

/** Which rows: as displayed (the look's row limit), all results, or a custom number. */
export function DownloadRows({
  rows,
  customText,
  customError,
  allBlocked,
  displayedLimit,
  onRows,
  onCustom,
}: {
  rows: RowsChoice
  customText: string
  customError: string | null
  /** Why "All results" may not be chosen; null when it may. */
  allBlocked: string | null
  displayedLimit: number | null
  onRows: (rows: RowsChoice) => void
  onCustom: (text: string) => void
}) {
  const labelId = useId()
  const allReasonId = useId()
  const displayed =
    displayedLimit === null
      ? 'As displayed'
      : `As displayed (up to ${displayedLimit.toLocaleString('en-US')} ${displayedLimit === 1 ? 'row' : 'rows'})`
  return (
    <FormControl>
      <FormLabel id={labelId}>Rows</FormLabel>
      <RadioGroup
        aria-labelledby={labelId}
        value={rows}
        onChange={(e) => onRows(e.target.value as RowsChoice)}
      >
        <FormControlLabel value="displayed" control={<Radio />} label={displayed} />
        <FormControlLabel
          value="all"
          control={
            <Radio slotProps={{ input: { 'aria-describedby': allBlocked ? allReasonId : undefined } }} />
          }
          label="All results"
          disabled={allBlocked !== null}
        />
        {allBlocked && (
          <FormHelperText id={allReasonId} sx={{ mt: -0.5, ml: 4 }}>
            {allBlocked}
          </FormHelperText>
        )}
        {/* Gap, not margins: a margin-spaced Stack resets the label's own negative margin and shifts the radio. */}
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center' }}>
          <FormControlLabel value="custom" control={<Radio />} label="Custom" />
          <TextField
            aria-label="Number of rows"
            value={customText}
            onChange={(e) => {
              onCustom(e.target.value)
              onRows('custom')
            }}
            error={rows === 'custom' && customError !== null}
            helperText={rows === 'custom' ? (customError ?? 'rows') : 'rows'}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            size="small"
            sx={{ width: 140 }}
          />
        </Stack>
      </RadioGroup>
    </FormControl>
  )
}
