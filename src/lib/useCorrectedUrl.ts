import { useCallback, useEffect, useEffectEvent } from 'react'
import { useLocation, useNavigate, useSearchParams } from 'react-router'

/**
 * For pages whose state is their URL: when a link carries values the page cannot use, the URL is
 * rewritten at once with `replace` (so Back never lands on the broken link again, and a copied link
 * is the view on screen). What was wrong rides along in the new history entry's state under `key`,
 * so the notice survives the rewrite, stays on reload, and goes away when dismissed.
 *
 * `problems` must keep its identity while the URL does not change (memoize the parse); `corrected`
 * gives the URL to show instead.
 */
export function useCorrectedUrl<T>(
  key: string,
  problems: readonly T[],
  corrected: () => URLSearchParams,
): { notice: T[]; dismissNotice: () => void } {
  const [, setParams] = useSearchParams()
  const location = useLocation()
  const navigate = useNavigate()
  const correctedUrl = useEffectEvent(corrected)

  useEffect(() => {
    if (problems.length === 0) return
    setParams(correctedUrl(), { replace: true, state: { [key]: problems }, preventScrollReset: true })
  }, [key, problems, setParams])

  const carried: unknown = (location.state as Record<string, unknown> | null)?.[key]
  const notice = Array.isArray(carried) ? (carried as T[]) : []
  const dismissNotice = useCallback(() => {
    void navigate({ search: location.search }, { replace: true, state: null, preventScrollReset: true })
  }, [navigate, location.search])

  return { notice, dismissNotice }
}
