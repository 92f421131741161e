import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { useCorrectedUrl } from '../../lib/useCorrectedUrl'
import {
  DEFAULT_STATE,
  parseSearchParams,
  toSearchParams,
  type ParamName,
  type SearchState,
} from './searchParams'

/** The history-state key under which a rewritten URL carries the parameters that were dropped. */
const NOTICE_KEY = 'lookSearchNotice'

export interface UpdateOptions {
  /** Replace the history entry instead of pushing one (typing, corrections). */
  replace?: boolean
  /** Parameters that were corrected, shown as a short notice. */
  corrected?: string[]
}

/**
 * The page state, read from and written to the URL. Invalid values are corrected at once with a
 * `replace` (so Back never lands on the broken URL again) and named in a dismissible notice.
 */
export function useSearchState() {
  const [params, setParams] = useSearchParams()
  const parsed = useMemo(() => parseSearchParams(params), [params])

  const update = useCallback(
    (patch: Partial<SearchState>, options: UpdateOptions = {}) => {
      const state = options.corrected ? { [NOTICE_KEY]: options.corrected } : undefined
      setParams(
        (previous) => {
          const current = parseSearchParams(previous).state
          // Any change but paging itself starts again at page 1.
          const page = 'page' in patch ? patch.page : DEFAULT_STATE.page
          return toSearchParams({ ...current, ...patch, page: page ?? DEFAULT_STATE.page }, previous)
        },
        // Only a new page of results starts at the top; typing and filters keep the user where they are.
        { replace: options.replace ?? false, state, preventScrollReset: !('page' in patch) },
      )
    },
    [setParams],
  )

  const { notice, dismissNotice } = useCorrectedUrl<string>(NOTICE_KEY, parsed.invalid, () =>
    toSearchParams(parsed.state, params),
  )

  return { state: parsed.state, update, notice, dismissNotice }
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
