import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import { runLookWrite, TouchedKeys } from '../../api/lookWrites'
import type { WriteEvent } from '../../api/sendWrite'
import { runBulk, type BulkOutcome } from '../../lib/bulk'
import type { LookAction, LookActionContext } from './lookActions'
import type { SelectedLook } from '../../api/lookLists'

export type RowState =
  | { status: 'pending' }
  | { status: 'succeeded'; note?: string; label: string }
  | { status: 'failed'; error: unknown; ambiguous: boolean }
  | { status: 'stopped'; ambiguous: boolean }

/** What the run's writes sent and met, counted by the write rule's events (api/sendWrite.ts). */
export interface BulkStats {
  /** Write requests sent (first tries and repeats; the reads a write checks first are not counted). */
  attempts: number
  /** Answers that asked us to wait (429, 503 with Retry-After). */
  rateLimited: number
  /** Requests sent again after a lost answer or an overloaded Looker. */
  transientRetries: number
}

export interface BulkRunState {
  /** The frozen list the admin confirmed; nothing outside it is ever touched. */
  looks: SelectedLook[]
  rows: Record<string, RowState>
  stats: BulkStats
  /** Looker asked us to wait: no write is sent before this moment (epoch ms). */
  busyUntil: number | null
  running: boolean
  /** Set while a Stop is taking effect and after a stopped run. */
  stopRequested: boolean
}

const ZERO: BulkStats = { attempts: 0, rateLimited: 0, transientRetries: 0 }

function counted(stats: BulkStats, event: WriteEvent): BulkStats {
  if (event.type === 'attempt')
    return event.kind === 'read' ? stats : { ...stats, attempts: stats.attempts + 1 }
  if (event.type === 'busy') return { ...stats, rateLimited: stats.rateLimited + 1 }
  return { ...stats, transientRetries: stats.transientRetries + 1 }
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
      // Counted as they happen, so the dialog's "N attempts" is live rather than 0 until the end; the
      // dialog shows the waits itself (Stop ends them), not the app's busy notice.
      const onEvent = (event: WriteEvent) =>
        setProgress((prev) =>
          prev
            ? {
                ...prev,
                stats: counted(prev.stats, event),
                busyUntil: event.type === 'busy' ? event.until : prev.busyUntil,
              }
            : prev,
        )
      const write: LookActionContext['write'] = (operation, vars) =>
        runLookWrite(queryClient, operation, vars, { signal, deferTo: touched, onEvent, showWaits: false })
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
        return {
          looks: prev?.looks ?? looks,
          rows,
          stats: prev?.stats ?? ZERO,
          busyUntil: null,
          stopRequested: false,
        }
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
