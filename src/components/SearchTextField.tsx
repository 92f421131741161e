import { useState, type ComponentProps, type KeyboardEvent } from 'react'
import { useDebouncedCallback } from '../lib/useDebouncedCallback'
import { OutlinedTextField } from './OutlinedTextField'

/** How long typing must pause before a search is sent: one request per word, not per keystroke. */
export const SEARCH_DEBOUNCE_MS = 250

interface Props extends Omit<
  ComponentProps<typeof OutlinedTextField>,
  'value' | 'defaultValue' | 'onChange'
> {
  /** The search text the page holds (its URL). */
  value: string
  /** Called after a pause in typing, or at once on Enter. */
  onSearch: (text: string) => void
}

/**
 * A search box for a page whose state is its URL: the text is local, so typing is instant, and is sent
 * after a pause (or on Enter). When the page's value changes under it (Back, a link, "clear"), the box
 * shows it, unless it is only the echo of what the box itself just sent (the user may still be typing).
 * Built on OutlinedTextField, so a page that shows it first does not load MUI's Select (decision 0012).
 */
export function SearchTextField({ value, onSearch, onKeyDown, ...rest }: Props) {
  const [text, setText] = useState(value)
  const [sent, setSent] = useState(value)
  const [seen, setSeen] = useState(value)
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
  const keyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter') {
      debounced.cancel()
      if (text !== sent) send(text)
    }
    onKeyDown?.(event)
  }
  return (
    <OutlinedTextField
      {...rest}
      value={text}
      onChange={(event) => {
        setText(event.target.value)
        debounced.call(event.target.value)
      }}
      onKeyDown={keyDown}
    />
  )
}
