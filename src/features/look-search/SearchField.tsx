import SearchIcon from '@mui/icons-material/Search'
import InputAdornment from '@mui/material/InputAdornment'
import { useState, type KeyboardEvent } from 'react'
import { OutlinedTextField } from '../../components/OutlinedTextField'
import { ROW_LINK } from './keyboardTargets'
import { useDebouncedCallback } from './useDebouncedCallback'

/** How long typing must pause before a search is sent: one request per word, not per keystroke. */
export const SEARCH_DEBOUNCE_MS = 250

interface Props {
  /** The search text in the URL. */
  value: string
  onSearch: (text: string) => void
  /** Helper text under the field (e.g. "titles only" while filters are on). */
  hint?: string
}

/** The search box: local text for instant typing, sent to the URL after a pause (or at once on Enter). */
export function SearchField({ value, onSearch, hint }: Props) {
  const [text, setText] = useState(value)
  const [sent, setSent] = useState(value)
  const [seen, setSeen] = useState(value)
  // The URL changed under us (Back, a link, "clear"): show its text unless it is what we just sent.
  if (value !== seen) {
    setSeen(value)
    if (value !== sent) {
      setText(value)
      setSent(value)
    }
  }
  const send = (next: string) => {
    setSent(next)
    onSearch(next)
  }
  const debounced = useDebouncedCallback(send, SEARCH_DEBOUNCE_MS)

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      debounced.cancel()
      if (text !== sent) send(text)
    } else if (event.key === 'ArrowDown') {
      // From the box straight into the results.
      const first = document.querySelector<HTMLAnchorElement>(ROW_LINK)
      if (first) {
        event.preventDefault()
        first.focus()
      }
    }
  }

  return (
    <OutlinedTextField
      label="Search looks"
      type="search"
      size="small"
      value={text}
      onChange={(event) => {
        setText(event.target.value)
        debounced.call(event.target.value)
      }}
      onKeyDown={onKeyDown}
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
