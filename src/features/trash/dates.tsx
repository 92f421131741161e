import Typography from '@mui/material/Typography'

const DAY_MS = 86_400_000

/** Wire dates are strings although the SDK types say Date: accept either. */
export function toMs(value: unknown): number | null {
  const text = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : null
  if (!text) return null
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? null : ms
}

export function daysSince(value: unknown, now = Date.now()): number | null {
  const ms = toMs(value)
  return ms === null ? null : Math.max(0, Math.floor((now - ms) / DAY_MS))
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export function relativeTime(ms: number, now = Date.now()): string {
  const diff = ms - now
  // Truncate rather than round, so "22 days ago" agrees with 22 "days in trash".
  const unit = (size: number) => Math.trunc(diff / size)
  const abs = Math.abs(diff)
  if (abs < 60_000) return 'just now'
  if (abs < 3_600_000) return relative.format(unit(60_000), 'minute')
  if (abs < DAY_MS) return relative.format(unit(3_600_000), 'hour')
  if (abs < 30 * DAY_MS) return relative.format(unit(DAY_MS), 'day')
  if (abs < 365 * DAY_MS) return relative.format(unit(30 * DAY_MS), 'month')
  return relative.format(unit(365 * DAY_MS), 'year')
}

/** "3 days ago" over the exact date and time. */
export function When({ value, empty = '—' }: { value: unknown; empty?: string }) {
  const ms = toMs(value)
  if (ms === null) return <>{empty}</>
  return (
    // Unbroken lines: in a narrow table a date wrapped to one word a line and made every row tall.
    <time dateTime={new Date(ms).toISOString()} style={{ whiteSpace: 'nowrap' }}>
      {relativeTime(ms)}
      <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
        {exact.format(ms)}
      </Typography>
    </time>
  )
}
