import { useUrlState } from '../../lib/useUrlState'
import { searchCodec, type ParamName } from './searchParams'

export type { UrlUpdateOptions as UpdateOptions } from '../../lib/useUrlState'

/** The page state, read from and written to the URL (lib/useUrlState.ts: bad values corrected at once). */
export function useSearchState() {
  return useUrlState(searchCodec, 'lookSearchNotice')
}

/** How a corrected parameter is named in the notice. */
export const PARAM_LABELS: Record<string, string> & Record<ParamName, string> = {
  q: 'search text',
  folder: 'folder',
  sub: 'include subfolders',
  owner: 'owner',
  favorites: 'favorites only',
  sort: 'sort',
  page: 'page',
  size: 'page size',
}
