import { useEffect, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { useSetLookQuery } from '../../api/lookMutations'
import { useNotify } from '../../components/Notifier'
import { describeError } from '../../lib/errors'
import type { LookVariantState } from './useLookVariant'

/**
 * Apply to this look: update_look with the variant's query_id (through the one write path), then the tab
 * shows the saved look (which now is the variant). The notice's Undo puts the old query_id back and, if
 * the user is still on that tab, the adjusted view they had.
 */
export function useApplyVariant(lookId: string, v: LookVariantState) {
  const setQuery = useSetLookQuery()
  const notify = useNotify()
  const navigate = useNavigate()
  const location = useLocation()
  const here = useRef(location.pathname)
  useEffect(() => {
    here.current = location.pathname
  }, [location.pathname])
  const [error, setError] = useState<string | null>(null)

  const undo = (title: string, oldQueryId: string, before: { pathname: string; search: string }) =>
    setQuery.mutateAsync({ lookId, queryId: oldQueryId }).then(
      () => {
        if (here.current === before.pathname) void navigate({ search: before.search }, { replace: true })
        notify({ severity: 'success', message: `Undone: “${title}” has its earlier query again.` })
      },
      (e: unknown) => notify({ severity: 'error', message: `Could not undo: ${describeError(e)}` }),
    )

  /** Sends the change; true when it was made (the dialog closes), false when it failed (it says why). */
  const run = async (): Promise<boolean> => {
    const oldQueryId = v.look?.query_id
    const newQueryId = v.variant?.queryId
    if (!oldQueryId || !newQueryId) return false
    const title = v.look?.title ?? `Look ${lookId}`
    const label = v.variant?.label ?? ''
    const before = { pathname: location.pathname, search: location.search }
    setError(null)
    try {
      await setQuery.mutateAsync({ lookId, queryId: newQueryId })
    } catch (e) {
      setError(`The look was not changed: ${describeError(e)}`)
      return false
    }
    v.reset({ replace: true })
    notify({
      severity: 'success',
      message: `Applied to “${title}”: ${label}.`,
      action: { label: 'Undo', onClick: () => void undo(title, oldQueryId, before) },
    })
    return true
  }

  return { run, error, clearError: () => setError(null) }
}
