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

/** Polls past their deadline, waiting for the user's word: key (a task id) → resume. */
const waiting = new Map<string, () => void>()
const waitingListeners = new Set<() => void>()
const notifyWaiting = () => waitingListeners.forEach((listener) => listener())

/**
 * The deadline for polling the task `key` (pollUntilDone's `deadline`): once it passes, the task shows as
 * overdue (`useTaskOverdue`) until `keepWaiting(key)` resumes it, or polling stops (Cancel, unmount).
 */
export function taskDeadline(key: string): PollDeadline {
  return {
    afterMs: taskDeadlineMinutes() * 60_000,
    reached: (signal) =>
      new Promise<void>((resolve) => {
        const done = () => {
          signal.removeEventListener('abort', done)
          if (waiting.get(key) === resume) waiting.delete(key)
          notifyWaiting()
        }
        const resume = () => {
          done()
          resolve()
        }
        signal.addEventListener('abort', done, { once: true })
        waiting.set(key, resume)
        notifyWaiting()
      }),
  }
}

/** Resumes polling of an overdue task for another period. */
export function keepWaiting(key: string): void {
  waiting.get(key)?.()
}

/** Whether polling of `key` is paused at its deadline, waiting for the user. */
export function useTaskOverdue(key: string | null): boolean {
  return useSyncExternalStore(
    (listener) => {
      waitingListeners.add(listener)
      return () => waitingListeners.delete(listener)
    },
    () => key !== null && waiting.has(key),
    () => false,
  )
}
