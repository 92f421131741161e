import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import { PAGE_SIZES, type PageSize } from '../../lib/urlState'

/** "Per page": a menu, so its code (MUI Select) loads after the first results (see Pager). */
export function PageSizeSelect({ size, onSize }: { size: PageSize; onSize: (size: PageSize) => void }) {
  return (
    <TextField
      select
      size="small"
      label="Per page"
      value={size}
      onChange={(event) => onSize(Number(event.target.value) as PageSize)}
      sx={{ minWidth: 96 }}
    >
      {PAGE_SIZES.map((option) => (
        <MenuItem key={option} value={option}>
          {option}
        </MenuItem>
      ))}
    </TextField>
  )
}
