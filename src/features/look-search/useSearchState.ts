import { useCallback, useEffect, useMemo } from 'react'
import { useLocation, useNavigate, useSearchParams } from 'react-router'
import {
  DEFAULT_STATE,
  parseSearchParams,
  toSearchParams,
  type ParamName,
  type SearchState,
} from './searchParams'

/** What a rewritten URL carries in its history state: the parameters that were dropped, to say so. */
interface NoticeState {
  lookSearchNotice?: string[]
}

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
  const location = useLocation()
  const navigate = useNavigate()
  const parsed = useMemo(() => parseSearchParams(params), [params])

  const update = useCallback(
    (patch: Partial<SearchState>, options: UpdateOptions = {}) => {
      const state: NoticeState | undefined = options.corrected
        ? { lookSearchNotice: options.corrected }
        : undefined
      setParams(
        (previous) => {
          const current = parseSearchParams(previous).state
          // Any change but paging itself starts again at page 1.
          const page = 'page' in patch ? patch.page : DEFAULT_STATE.page
          return toSearchParams({ ...current, ...patch, page: page ?? DEFAULT_STATE.page }, previous)
        },
        { replace: options.replace ?? false, state },
      )
    },
    [setParams],
  )

  useEffect(() => {
    if (parsed.invalid.length === 0) return
    setParams(toSearchParams(parsed.state, params), {
      replace: true,
      state: { lookSearchNotice: parsed.invalid } satisfies NoticeState,
    })
  }, [parsed, params, setParams])

  const notice = (location.state as NoticeState | null)?.lookSearchNotice ?? []
  const dismissNotice = useCallback(() => {
    void navigate({ search: location.search }, { replace: true, state: null })
  }, [navigate, location.search])

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
