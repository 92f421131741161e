import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import { runLookWrite, TouchedKeys } from '../../api/lookWrites'
import { runBulk, type BulkEvent, type BulkOutcome, type BulkStats } from '../../lib/bulk'
import type { LookAction, LookActionContext } from './lookActions'
import type { SelectedLook } from '../../api/lookLists'

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

interface RunVariables {
  looks: SelectedLook[]
  action: LookAction
  successLabel: string
  ambiguousIds: Set<string>
  signal: AbortSignal
}

/**
 * Runs a bulk action over a frozen list and keeps one row per look. "Retry failed" (and "restore into
 * another folder") re-run only some rows and update them in place; succeeded rows are never re-run.
 * Each look is changed through the look operations (api/lookWrites.ts); what they touched is read back
 * once, when the run ends. Whether a run is going is the mutation's; the rows, the counts and Stop are
 * the runner's, because React Query knows neither per-item outcomes nor how to stop a mutation.
 */
export function useBulkLookRun() {
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<Omit<BulkRunState, 'running'> | null>(null)
  const controller = useRef<AbortController | null>(null)

  const run = useMutation({
    retry: false,
    mutationFn: async ({ looks, action, successLabel, ambiguousIds, signal }: RunVariables) => {
      const touched = new TouchedKeys()
      const write: LookActionContext['write'] = (operation, vars) =>
        runLookWrite(queryClient, operation, vars, { signal, deferTo: touched })
      try {
        return await runBulk({
          items: looks,
          action: (look, ctx) => action(look, { ...ctx, write }),
          signal,
          initiallyAmbiguous: (look) => ambiguousIds.has(look.id),
          onOutcome: (outcome) =>
            setProgress((prev) =>
              prev
                ? { ...prev, rows: { ...prev.rows, [outcome.item.id]: toRow(outcome, successLabel) } }
                : prev,
            ),
          // Counted as they happen, so the dialog's "N attempts" is live rather than 0 until the end.
          onEvent: (event) =>
            setProgress((prev) => {
              if (!prev) return prev
              const key = STAT_OF[event.type]
              return { ...prev, stats: { ...prev.stats, [key]: prev.stats[key] + 1 } }
            }),
        })
      } finally {
        // In the background: the outcome is known now, and the dialog may close while lists reload.
        void touched.invalidate(queryClient)
      }
    },
  })
  const { mutateAsync } = run

  const execute = useCallback(
    (looks: SelectedLook[], action: LookAction, successLabel: string, ambiguousIds: Set<string>) => {
      const abort = new AbortController()
      controller.current = abort
      setProgress((prev) => {
        const rows = { ...(prev?.rows ?? {}) }
        for (const look of looks) rows[look.id] = { status: 'pending' }
        return { looks: prev?.looks ?? looks, rows, stats: prev?.stats ?? ZERO, stopRequested: false }
      })
      return mutateAsync({ looks, action, successLabel, ambiguousIds, signal: abort.signal })
    },
    [mutateAsync],
  )

  /** Starts a new run over `looks` (a copy is taken: later changes to the caller's list do not count). */
  const start = useCallback(
    (looks: readonly SelectedLook[], action: LookAction, successLabel: string) => {
      const frozen = looks.map((l) => ({ ...l }))
      setProgress(null)
      return execute(frozen, action, successLabel, new Set())
    },
    [execute],
  )

  const state: BulkRunState | null = progress ? { ...progress, running: run.isPending } : null

  /** Re-runs the rows that match `which` (failed, stopped, …) with `action`, keeping the others. */
  const rerun = useCallback(
    (which: (row: RowState) => boolean, action: LookAction, successLabel: string) => {
      if (!progress || run.isPending) return Promise.resolve(null)
      const looks = progress.looks.filter((l) => {
        const row = progress.rows[l.id]
        return row !== undefined && which(row)
      })
      const ambiguous = new Set(
        looks
          .filter((l) => {
            const row = progress.rows[l.id]
            return (row?.status === 'failed' || row?.status === 'stopped') && row.ambiguous
          })
          .map((l) => l.id),
      )
      return execute(looks, action, successLabel, ambiguous)
    },
    [execute, progress, run.isPending],
  )

  const stop = useCallback(() => {
    controller.current?.abort()
    setProgress((prev) => (prev ? { ...prev, stopRequested: true } : prev))
  }, [])

  const reset = useCallback(() => setProgress(null), [])

  return { state, start, rerun, stop, reset }
}
