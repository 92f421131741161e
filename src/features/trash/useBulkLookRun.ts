import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import { lookKeys } from '../../api/looks'
import { runBulk, type BulkEvent, type BulkOutcome, type BulkStats } from '../../lib/bulk'
import type { LookAction } from './lookActions'
import type { SelectedLook } from './trashQueries'

export type RowState =
  | { status: 'pending' }
  | { status: 'succeeded'; note?: string; label: string }
  | { status: 'failed'; error: unknown; ambiguous: boolean }
  | { status: 'stopped'; ambiguous: boolean }

export interface BulkRunState {
  /** The frozen list the admin confirmed; nothing outside it is ever touched. */
  looks: SelectedLook[]
  rows: Record<string, RowState>
  stats: BulkStats
  running: boolean
  /** Set while a Stop is taking effect and after a stopped run. */
  stopRequested: boolean
}

const ZERO: BulkStats = { attempts: 0, rateLimited: 0, transientRetries: 0 }

const STAT_OF: Record<BulkEvent['type'], keyof BulkStats> = {
  attempt: 'attempts',
  'rate-limited': 'rateLimited',
  'transient-retry': 'transientRetries',
}

function toRow(outcome: BulkOutcome<SelectedLook>, successLabel: string): RowState {
  if (outcome.status === 'succeeded') return { status: 'succeeded', note: outcome.note, label: successLabel }
  if (outcome.status === 'failed')
    return { status: 'failed', error: outcome.error, ambiguous: outcome.ambiguous }
  return { status: 'stopped', ambiguous: outcome.ambiguous }
}

/**
 * Runs a bulk action over a frozen list and keeps one row per look. "Retry failed" (and "restore into
 * another folder") re-run only some rows and update them in place; succeeded rows are never re-run.
 * When a run ends, every cached look list and detail is invalidated (lookKeys.all).
 */
export function useBulkLookRun() {
  const queryClient = useQueryClient()
  const [state, setState] = useState<BulkRunState | null>(null)
  const controller = useRef<AbortController | null>(null)

  const execute = useCallback(
    async (looks: SelectedLook[], action: LookAction, successLabel: string, ambiguousIds: Set<string>) => {
      const abort = new AbortController()
      controller.current = abort
      setState((prev) => {
        const rows = { ...(prev?.rows ?? {}) }
        for (const look of looks) rows[look.id] = { status: 'pending' }
        return {
          looks: prev?.looks ?? looks,
          rows,
          stats: prev?.stats ?? ZERO,
          running: true,
          stopRequested: false,
        }
      })
      const report = await runBulk({
        items: looks,
        action,
        signal: abort.signal,
        initiallyAmbiguous: (look) => ambiguousIds.has(look.id),
        onOutcome: (outcome) =>
          setState((prev) =>
            prev
              ? { ...prev, rows: { ...prev.rows, [outcome.item.id]: toRow(outcome, successLabel) } }
              : prev,
          ),
        // Counted as they happen, so the dialog's "N attempts" is live rather than 0 until the end.
        onEvent: (event) =>
          setState((prev) => {
            if (!prev) return prev
            const key = STAT_OF[event.type]
            return { ...prev, stats: { ...prev.stats, [key]: prev.stats[key] + 1 } }
          }),
      })
      setState((prev) => (prev ? { ...prev, running: false } : prev))
      controller.current = null
      await queryClient.invalidateQueries({ queryKey: lookKeys.all })
      return report
    },
    [queryClient],
  )

  /** Starts a new run over `looks` (a copy is taken: later changes to the caller's list do not count). */
  const start = useCallback(
    (looks: readonly SelectedLook[], action: LookAction, successLabel: string) => {
      const frozen = looks.map((l) => ({ ...l }))
      setState(null)
      return execute(frozen, action, successLabel, new Set())
    },
    [execute],
  )

  /** Re-runs the rows that match `which` (failed, stopped, …) with `action`, keeping the others. */
  const rerun = useCallback(
    (which: (row: RowState) => boolean, action: LookAction, successLabel: string) => {
      if (!state || state.running) return Promise.resolve(null)
      const looks = state.looks.filter((l) => {
        const row = state.rows[l.id]
        return row !== undefined && which(row)
      })
      const ambiguous = new Set(
        looks
          .filter((l) => {
            const row = state.rows[l.id]
            return (row?.status === 'failed' || row?.status === 'stopped') && row.ambiguous
          })
          .map((l) => l.id),
      )
      return execute(looks, action, successLabel, ambiguous)
    },
    [execute, state],
  )

  const stop = useCallback(() => {
    controller.current?.abort()
    setState((prev) => (prev ? { ...prev, stopRequested: true } : prev))
  }, [])

  const reset = useCallback(() => setState(null), [])

  return { state, start, rerun, stop, reset }
}
