import { useSyncExternalStore } from 'react'
import type { RenderTask } from '../../api/renderTasks'

/** One finished render kept for the session: the bytes and what was asked for. */
export interface RenderHistoryEntry {
  taskId: string
  lookId: string
  title: string
  format: string
  width: number
  height: number
  blob: Blob
  task: RenderTask
  finishedAt: number
  /** What the adjusted variant changed ("Ledger Region is EMEA"); null for the saved look. */
  variant: string | null
}

/** "Saved look", or "Adjusted: …": which version of the look a render shows. */
export const versionLabel = (entry: Pick<RenderHistoryEntry, 'variant'>) =>
  entry.variant === null ? 'Saved look' : `Adjusted: ${entry.variant}`

/** At most this many renders are kept: older ones (and their bytes) are dropped. */
export const HISTORY_LIMIT = 8

let entries: RenderHistoryEntry[] = []
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((l) => l())

export const renderHistory = {
  add(entry: RenderHistoryEntry) {
    if (entries.some((e) => e.taskId === entry.taskId)) return
    entries = [entry, ...entries].slice(0, HISTORY_LIMIT)
    emit()
  },
  remove(taskId: string) {
    entries = entries.filter((e) => e.taskId !== taskId)
    emit()
  },
  clear() {
    entries = []
    emit()
  },
  subscribe: (listener: () => void) => {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
  snapshot: () => entries,
}

/** This session's renders of one look, newest first. */
export function useRenderHistory(lookId: string): RenderHistoryEntry[] {
  const all = useSyncExternalStore(renderHistory.subscribe, renderHistory.snapshot)
  return all.filter((e) => e.lookId === lookId)
}
