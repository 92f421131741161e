import type { IUser } from '@looker/sdk/lib/4.0/models'
import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { userQueries } from '../../api/users'
import { toLikePattern } from '../../lib/likePattern'
import { useDebouncedCallback } from './useDebouncedCallback'

interface Props {
  owner: string | null
  onChange: (userId: string | null) => void
}

const nameOf = (user: IUser) =>
  user.display_name || [user.first_name, user.last_name].filter(Boolean).join(' ') || `User ${user.id ?? ''}`

/**
 * Owner filter: an autocomplete over search_users. search_users has no display_name parameter, so a
 * term matches first, last or full name (`filter_or`), with the same wildcard rules as the look search.
 */
export function OwnerFilter({ owner, onChange }: Props) {
  const [input, setInput] = useState('')
  const [term, setTerm] = useState('')
  const debounced = useDebouncedCallback(setTerm, 250)
  const pattern = toLikePattern(term)
  const selected = useQuery({ ...userQueries.detail(owner ?? ''), enabled: owner !== null })
  const matches = useQuery({
    ...userQueries.search({
      first_name: pattern,
      last_name: pattern,
      full_name: pattern,
      filter_or: true,
      sorts: 'first_name,last_name',
      limit: 20,
    }),
    enabled: pattern !== undefined,
  })
  const value = owner === null ? null : (selected.data ?? { id: owner, display_name: `User ${owner}` })
  const options = matches.data ?? []
  return (
    <Autocomplete<IUser>
      size="small"
      sx={{ minWidth: 220 }}
      value={value}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      // The server already filtered; don't filter again by the label.
      filterOptions={(all) => all}
      getOptionLabel={nameOf}
      isOptionEqualToValue={(option, current) => option.id === current.id}
      loading={matches.isFetching}
      noOptionsText={
        pattern ? (matches.isError ? 'Could not search users' : 'No matching users') : 'Type a name'
      }
      inputValue={input}
      onInputChange={(_, next, reason) => {
        setInput(next)
        if (reason === 'input') debounced.call(next)
      }}
      onChange={(_, user) => onChange(user?.id ?? null)}
      renderInput={(params) => <TextField {...params} label="Owner" placeholder="Anyone" />}
    />
  )
}
