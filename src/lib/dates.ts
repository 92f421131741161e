/**
 * Looker's dates, read and shown one way everywhere. On the wire they are ISO 8601 strings, although the
 * SDK's types say `Date`: every reader here accepts either, and anything else reads as "no date".
 */

/** A date as the SDK types it and as the wire carries it. */
export type WireDate = Date | string | null | undefined

/** The instant a Looker date names, or null when it is absent or unreadable. */
export function parseLookerDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
  if (typeof value !== 'string' || value.trim() === '') return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** Whether two wire dates name the same instant; text that is not a date is compared as text. */
export function sameInstant(a: WireDate, b: WireDate): boolean {
  if (a == null || b == null) return a == b
  const da = parseLookerDate(a)
  const db = parseLookerDate(b)
  if (da && db) return da.getTime() === db.getTime()
  const text = (value: Date | string) => (value instanceof Date ? value.toISOString() : value)
  return text(a) === text(b)
}

/** Now, as a wire date (for optimistic cache edits: the server's answer replaces it). */
export const wireNow = (): Date => new Date().toISOString() as unknown as Date

const DAY_MS = 86_400_000

/** Whole days since the date (never negative), or null without a date. */
export function daysSince(value: unknown, now = Date.now()): number | null {
  const date = parseLookerDate(value)
  return date === null ? null : Math.max(0, Math.floor((now - date.getTime()) / DAY_MS))
}

const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** "12 Mar 2026, 14:05" in the reader's locale, or null without a date. */
export function formatDateTime(value: unknown): string | null {
  const date = parseLookerDate(value)
  return date ? exact.format(date) : null
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['day', DAY_MS],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/**
 * "3 weeks ago", "yesterday", "just now" (under a minute). Weeks are a unit, as on the search page: a
 * relative time gives a sense of age at a glance, and "22 days ago" is a number to work out. Where the
 * exact count matters it is shown beside it (the trash's "Days in trash"), and the exact date always
 * goes with it. Counts are truncated, never rounded up, so a date never reads older than it is.
 */
export function formatRelative(value: Date | number, now = Date.now()): string {
  const diff = (typeof value === 'number' ? value : value.getTime()) - now
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return relative.format(Math.trunc(diff / size), unit)
  }
  return 'just now'
}
