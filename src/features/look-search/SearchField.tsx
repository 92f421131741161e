import SearchIcon from '@mui/icons-material/Search'
import InputAdornment from '@mui/material/InputAdornment'
import type { KeyboardEvent } from 'react'
import { SearchTextField } from '../../components/SearchTextField'
import { ROW_LINK } from './keyboardTargets'

interface Props {
  /** The search text in the URL. */
  value: string
  onSearch: (text: string) => void
  /** Helper text under the field (e.g. "titles only" while filters are on). */
  hint?: string
}

/** The search box: sent to the URL after a pause (or at once on Enter); ArrowDown goes to the results. */
export function SearchField({ value, onSearch, hint }: Props) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown') return
    // From the box straight into the results.
    const first = document.querySelector<HTMLAnchorElement>(ROW_LINK)
    if (first) {
      event.preventDefault()
      first.focus()
    }
  }
  return (
    <SearchTextField
      value={value}
      onSearch={onSearch}
      onKeyDown={onKeyDown}
      label="Search looks"
      type="search"
      size="small"
      helperText={hint}
      placeholder="Words in a title or description"
      autoComplete="off"
      sx={{ flex: '1 1 320px', minWidth: 240 }}
      inputProps={{ maxLength: 200, 'data-look-search': '' }}
      startAdornment={
        <InputAdornment position="start">
          <SearchIcon fontSize="small" />
        </InputAdornment>
      }
    />
  )
}
