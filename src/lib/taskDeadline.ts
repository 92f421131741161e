import { useSyncExternalStore } from 'react'
import type { PollDeadline } from './polling'

/**
 * How long a render, query or export may run before Lookbook asks whether to keep waiting: a setting
 * (Settings page), remembered in this browser (it is not a secret). Looker itself drops queued queries
 * after 600 s and times scheduled jobs out at 1,200 s, so ten minutes is "unusually long".
 */
export const DEFAULT_DEADLINE_MINUTES = 10
export const DEADLINE_CHOICES = [2, 5, 10, 20, 30, 60] as const
const STORAGE_KEY = 'lookbook.taskDeadlineMinutes'

const listeners = new Set<() => void>()
let override: number | null = null

function read(): number {
  if (override !== null) return override
  try {
    const stored = Number(localStorage.getItem(STORAGE_KEY))
    return (DEADLINE_CHOICES as readonly number[]).includes(stored) ? stored : DEFAULT_DEADLINE_MINUTES
  } catch {
    return DEFAULT_DEADLINE_MINUTES
  }
}

/** The deadline now, in minutes. */
export function taskDeadlineMinutes(): number {
  return read()
}

export function setTaskDeadlineMinutes(minutes: number): void {
  override = minutes
  try {
    localStorage.setItem(STORAGE_KEY, String(minutes))
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  listeners.forEach((listener) => listener())
}

export function useTaskDeadlineMinutes(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    read,
    () => DEFAULT_DEADLINE_MINUTES,
  )
}

/**
 * A deadline for one poll loop: when it passes, `onOverdue(true)` (show the question); `keepWaiting()`
 * resumes polling for another period and reports `onOverdue(false)`.
 */
export function deadlineGate(onOverdue: (overdue: boolean) => void): {
  deadline: PollDeadline
  keepWaiting: () => void
} {
  let resume: (() => void) | null = null
  return {
    deadline: {
      afterMs: taskDeadlineMinutes() * 60_000,
      reached: () =>
        new Promise<void>((resolve) => {
          resume = resolve
          onOverdue(true)
        }),
    },
    keepWaiting: () => {
      if (!resume) return
      const go = resume
      resume = null
      onOverdue(false)
      go()
    },
  }
}
