import type { IUser } from '@looker/sdk/lib/4.0/models'
import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import { useState } from 'react'
import { useDebouncedCallback } from '../lib/useDebouncedCallback'
import type { Remote } from './remote'

/** The reads the picker needs, as hooks (api/users.ts has the app's). */
export interface UserSource {
  /** Users whose name matches the typed words; nothing is asked while `term` is empty. */
  useMatches(term: string): Remote<IUser[]>
  /** The chosen user, to show their name; nothing is asked for null. */
  useUser(id: string | null): Remote<IUser>
}

interface Props {
  source: UserSource
  /** The chosen user's id, or null for anyone. */
  value: string | null
  onChange: (userId: string | null) => void
  label: string
  placeholder?: string
  helperText?: string
}

/** How long typing must pause before users are searched. */
export const USER_SEARCH_DEBOUNCE_MS = 250

const nameOf = (user: IUser) =>
  user.display_name || [user.first_name, user.last_name].filter(Boolean).join(' ') || `User ${user.id ?? ''}`

/** Chooses one user by name: an autocomplete over the server's matches, searched once typing pauses. */
export function UserPicker({ source, value, onChange, label, placeholder, helperText }: Props) {
  const [input, setInput] = useState('')
  const [term, setTerm] = useState('')
  const debounced = useDebouncedCallback(setTerm, USER_SEARCH_DEBOUNCE_MS)
  const chosen = source.useUser(value)
  const matches = source.useMatches(term.trim())
  const current = value === null ? null : (chosen.data ?? { id: value, display_name: `User ${value}` })
  const options = matches.data ?? []
  return (
    <Autocomplete<IUser>
      size="small"
      sx={{ minWidth: 220 }}
      value={current}
      options={current && !options.some((o) => o.id === current.id) ? [current, ...options] : options}
      // The server already filtered; don't filter again by the label.
      filterOptions={(all) => all}
      getOptionLabel={nameOf}
      isOptionEqualToValue={(option, selected) => option.id === selected.id}
      loading={matches.isFetching}
      noOptionsText={
        term.trim() ? (matches.isError ? 'Could not search users' : 'No matching users') : 'Type a name'
      }
      inputValue={input}
      onInputChange={(_, next, reason) => {
        setInput(next)
        if (reason === 'input') debounced.call(next)
      }}
      onChange={(_, user) => onChange(user?.id ?? null)}
      renderInput={(params) => (
        <TextField {...params} label={label} placeholder={placeholder} helperText={helperText} />
      )}
    />
  )
}
