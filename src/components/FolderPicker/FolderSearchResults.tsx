import FolderIcon from '@mui/icons-material/FolderOutlined'
import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import type { IFolder } from '@looker/sdk/lib/4.0/models'
import { useRef, useState, type KeyboardEvent } from 'react'
import { ErrorPanel } from '../ErrorPanel'
import { FolderPath } from './FolderPath'
import { disabledReasonFor, type FolderRules } from './folderRules'
import type { FolderSource } from './folderSource'

export const FOLDER_SEARCH_LIMIT = 50

interface Props {
  source: FolderSource
  term: string
  rules: FolderRules
  selectedId: string | null
  onSelect: (folder: IFolder) => void
  labelId: string
}

/** Folders whose name contains the term (LIKE %term%), each shown with its path to tell twins apart. */
export function FolderSearchResults({ source, term, rules, selectedId, onSelect, labelId }: Props) {
  const results = source.useNameSearch(term, FOLDER_SEARCH_LIMIT)
  const [focusedIndex, setFocusedIndex] = useState(0)
  const listRef = useRef<HTMLUListElement>(null)

  if (results.isPending) {
    return (
      <Box aria-busy="true" aria-label="Searching folders">
        <Skeleton height={40} />
        <Skeleton height={40} width="70%" />
      </Box>
    )
  }
  if (results.isError) {
    return (
      <ErrorPanel
        title="Could not search folders"
        error={results.error}
        onRetry={() => void results.refetch()}
      />
    )
  }
  const folders = results.data ?? []
  if (folders.length === 0) {
    return <Typography sx={{ color: 'text.secondary', py: 2 }}>No folder name contains “{term}”.</Typography>
  }

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = listRef.current?.querySelectorAll<HTMLElement>('[role="option"]')
    if (!items) return
    let next = focusedIndex
    if (event.key === 'ArrowDown') next = Math.min(folders.length - 1, focusedIndex + 1)
    else if (event.key === 'ArrowUp') next = Math.max(0, focusedIndex - 1)
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = folders.length - 1
    else if (event.key === 'Enter' || event.key === ' ') {
      const folder = folders[focusedIndex]
      if (folder && !disabledReasonFor(folder, rules)) onSelect(folder)
    } else return
    event.preventDefault()
    setFocusedIndex(next)
    items[next]?.focus()
  }

  return (
    <>
      <Box
        component="ul"
        role="listbox"
        aria-labelledby={labelId}
        ref={listRef}
        onKeyDown={onKeyDown}
        sx={{ listStyle: 'none', m: 0, p: 0 }}
      >
        {folders.map((folder, index) => {
          const reason = disabledReasonFor(folder, rules)
          const selected = folder.id === selectedId
          const reasonId = `folder-search-reason-${folder.id}`
          return (
            <Box
              component="li"
              role="option"
              key={folder.id}
              aria-selected={selected}
              aria-disabled={reason ? true : undefined}
              aria-describedby={reason ? reasonId : undefined}
              aria-label={folder.name ?? `Folder ${folder.id}`}
              tabIndex={index === Math.min(focusedIndex, folders.length - 1) ? 0 : -1}
              onFocus={() => setFocusedIndex(index)}
              onClick={() => {
                if (!reason) onSelect(folder)
              }}
              sx={(theme) => ({
                display: 'flex',
                alignItems: 'center',
                gap: 1,
                px: 1,
                py: 0.75,
                borderRadius: 1,
                cursor: reason ? 'not-allowed' : 'pointer',
                color: reason ? 'text.disabled' : 'text.primary',
                bgcolor: selected ? 'action.selected' : undefined,
                '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' },
                '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2 },
              })}
            >
              <FolderIcon fontSize="small" aria-hidden sx={{ color: 'text.secondary' }} />
              <Box sx={{ minWidth: 0 }}>
                <Typography noWrap>{folder.name}</Typography>
                <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }} noWrap>
                  <FolderPath source={source} folderId={folder.id ?? ''} />
                  {reason && <span id={reasonId}> · {reason}</span>}
                </Typography>
              </Box>
            </Box>
          )
        })}
      </Box>
      {folders.length === FOLDER_SEARCH_LIMIT && (
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          Showing the first {FOLDER_SEARCH_LIMIT} matches. Type more of the name to narrow them down.
        </Typography>
      )}
    </>
  )
}
