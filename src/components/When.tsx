import Typography from '@mui/material/Typography'
import { formatDateTime, formatRelative, parseLookerDate } from '../lib/dates'

interface Props {
  /** A Looker date (ISO string or Date). */
  value: unknown
  /** Shown when there is no date. */
  empty?: string
  /**
   * `relative`: "3 weeks ago", the exact date as its tooltip (dense lists). `stacked`: "3 weeks ago" over
   * the exact date (tables where both matter). `exact`: the date and time only (a look's details).
   */
  variant?: 'relative' | 'stacked' | 'exact'
}

/** A date as a <time> element, worded the same on every page (lib/dates.ts). */
export function When({ value, empty = '—', variant = 'relative' }: Props) {
  const date = parseLookerDate(value)
  if (date === null) return <span>{empty}</span>
  const exact = formatDateTime(date)
  if (variant === 'exact') return <time dateTime={date.toISOString()}>{exact}</time>
  if (variant === 'relative') {
    return (
      <time dateTime={date.toISOString()} title={exact ?? undefined}>
        {formatRelative(date)}
      </time>
    )
  }
  return (
    // Unbroken lines: in a narrow table a date wrapped to one word a line and made every row tall.
    <time dateTime={date.toISOString()} style={{ whiteSpace: 'nowrap' }}>
      {formatRelative(date)}
      <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
        {exact}
      </Typography>
    </time>
  )
}
