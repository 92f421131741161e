import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { folderQueries } from '../../api/folders'
import { userQueries } from '../../api/users'
import { hasStatus } from '../../lib/errors'
import type { InvalidParam } from '../../lib/urlState'
import { USERS_ROOT_NAME } from './folderScope'
import type { SearchState } from './searchParams'
import type { UpdateOptions } from './useSearchState'

/**
 * A well-formed folder or owner id that does not exist (or that the user may not see) falls back to
 * "any" with a notice, like a malformed one. Returns the folder's name for the results heading (the
 * Users root under the name the folder panel gives it).
 */
export function useUnknownIds(
  state: SearchState,
  update: (patch: Partial<SearchState>, options: UpdateOptions) => void,
): { folderName: string | null } {
  const folder = useQuery({ ...folderQueries.detail(state.folder ?? ''), enabled: state.folder !== null })
  const owner = useQuery({ ...userQueries.detail(state.owner ?? ''), enabled: state.owner !== null })
  const folderMissing = state.folder !== null && hasStatus(folder.error, 404)
  const ownerMissing = state.owner !== null && hasStatus(owner.error, 404)

  useEffect(() => {
    if (!folderMissing && !ownerMissing) return
    const corrected: InvalidParam[] = []
    const patch: Partial<SearchState> = {}
    if (folderMissing) {
      corrected.push({ param: 'folder', value: state.folder ?? '' })
      patch.folder = null
      patch.sub = false
    }
    if (ownerMissing) {
      corrected.push({ param: 'owner', value: state.owner ?? '' })
      patch.owner = null
    }
    update(patch, { replace: true, corrected })
  }, [folderMissing, ownerMissing, update, state.folder, state.owner])

  const name = folder.data?.is_users_root ? USERS_ROOT_NAME : folder.data?.name
  return { folderName: state.folder !== null ? (name ?? null) : null }
}
