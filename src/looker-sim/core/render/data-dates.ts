import type { DateGrain } from './data-fields.ts'

/** Generated data ends here, a fixed date rather than "now" so the same query always gives the same rows. */
const ANCHOR = Date.UTC(2025, 5, 30)
const DAY = 86_400_000

const DEFAULT_PERIODS: Record<DateGrain, number> = {
  time: 48,
  hour: 48,
  date: 30,
  week: 26,
  month: 24,
  quarter: 8,
  year: 6,
  day_of_week: 7,
  month_name: 12,
  hour_of_day: 24,
  day_of_month: 31,
}

const GRAIN_DAYS: Partial<Record<DateGrain, number>> = {
  time: 1 / 24,
  hour: 1 / 24,
  date: 1,
  week: 7,
  month: 30.44,
  quarter: 91.31,
  year: 365.25,
}

const UNIT_DAYS: Record<string, number> = {
  hour: 1 / 24,
  day: 1,
  week: 7,
  month: 30.44,
  quarter: 91.31,
  year: 365.25,
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] // prettier-ignore

export interface DateValue {
  value: string | number
  /** Relative volume for this period: slow growth, seasonality and weekly rhythm. */
  weight: number
}

const pad = (n: number) => n.toString().padStart(2, '0')
const ymd = (t: number) => {
  const d = new Date(t)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/**
 * How many periods a relative date filter such as "12 months", "last 30 days" or "2 years ago for
 * 1 year" covers at `grain`; null when the expression is not one we understand.
 */
export function periodsFromFilter(expression: string, grain: DateGrain): number | null {
  const match = /^(?:last\s+)?(\d+)\s+(hour|day|week|month|quarter|year)s?\b/i.exec(expression.trim())
  const grainDays = GRAIN_DAYS[grain]
  if (!match || grainDays === undefined) return null
  const days = Number(match[1]) * (UNIT_DAYS[(match[2] ?? 'day').toLowerCase()] ?? 1)
  return Math.max(1, Math.ceil(days / grainDays - 1e-9))
}

function season(monthIndex: number): number {
  const holiday = monthIndex >= 10 ? 0.18 : 0
  return 1 + 0.12 * Math.sin((2 * Math.PI * (monthIndex - 2)) / 12) + holiday
}

/** The values of a date dimension in chronological (or calendar) order. */
export function dateValues(grain: DateGrain, periods?: number): DateValue[] {
  const count = Math.max(1, periods ?? DEFAULT_PERIODS[grain])
  const growth = (i: number) => 0.75 + (0.5 * i) / Math.max(1, count - 1)
  const out: DateValue[] = []
  const anchor = new Date(ANCHOR)
  for (let i = 0; i < count; i++) {
    const back = count - 1 - i
    switch (grain) {
      case 'day_of_week':
        out.push({ value: WEEKDAYS[i % 7] ?? '', weight: i % 7 >= 5 ? 0.8 : 1 + 0.04 * (i % 7) })
        break
      case 'month_name':
        out.push({ value: MONTHS[i % 12] ?? '', weight: season(i % 12) })
        break
      case 'hour_of_day':
        out.push({ value: i % 24, weight: 0.3 + Math.sin((Math.PI * Math.max(0, (i % 24) - 6)) / 18) ** 2 })
        break
      case 'day_of_month':
        out.push({ value: (i % 31) + 1, weight: (i % 31) + 1 > 28 ? 0.45 : 1 })
        break
      case 'year':
        out.push({ value: anchor.getUTCFullYear() - back, weight: growth(i) * (back === 0 ? 0.5 : 1) })
        break
      case 'quarter': {
        const q = Math.floor(anchor.getUTCMonth() / 3) - back
        const year = anchor.getUTCFullYear() + Math.floor(q / 4)
        const quarter = ((q % 4) + 4) % 4
        out.push({ value: `${year}-Q${quarter + 1}`, weight: growth(i) * season(quarter * 3 + 1) })
        break
      }
      case 'month': {
        const m = anchor.getUTCMonth() - back
        const year = anchor.getUTCFullYear() + Math.floor(m / 12)
        const month = ((m % 12) + 12) % 12
        out.push({ value: `${year}-${pad(month + 1)}`, weight: growth(i) * season(month) })
        break
      }
      case 'week': {
        const monday = ANCHOR - ((anchor.getUTCDay() + 6) % 7) * DAY - back * 7 * DAY
        out.push({ value: ymd(monday), weight: growth(i) * season(new Date(monday).getUTCMonth()) })
        break
      }
      case 'date': {
        const t = ANCHOR - back * DAY
        const weekday = (new Date(t).getUTCDay() + 6) % 7
        out.push({ value: ymd(t), weight: growth(i) * (weekday >= 5 ? 0.82 : 1) })
        break
      }
      case 'time':
      case 'hour': {
        const t = ANCHOR + 23 * 3_600_000 - back * 3_600_000
        const hour = new Date(t).getUTCHours()
        const stamp = `${ymd(t)} ${pad(hour)}`
        const daily = 0.3 + Math.sin((Math.PI * Math.max(0, hour - 6)) / 18) ** 2
        out.push({ value: grain === 'time' ? `${stamp}:00:00` : stamp, weight: daily })
        break
      }
    }
  }
  return out
}
