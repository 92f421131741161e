/**
 * The next time a Vixie crontab ("m h dom mon dow") fires after `after` (ms), in UTC: numbers, `*`,
 * lists and ranges (the forms the seeded schedules use). Null when it never fires within a year or the
 * expression is not of that form.
 */
export function nextCronRun(crontab: string, after: number): number | null {
  const parts = crontab.trim().split(/\s+/)
  if (parts.length !== 5) return null
  const [minutes, hours, days, months, weekdays] = [
    field(parts[0], 0, 59),
    field(parts[1], 0, 23),
    field(parts[2], 1, 31),
    field(parts[3], 1, 12),
    field(parts[4], 0, 7),
  ]
  if (!minutes || !hours || !days || !months || !weekdays) return null
  if (weekdays.has(7)) weekdays.add(0)
  // Vixie cron: when both day fields are restricted, either may match.
  const anyDay = parts[2] === '*'
  const anyWeekday = parts[4] === '*'
  const start = new Date(after)
  const dayStart = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate())
  for (let d = 0; d <= 366; d++) {
    const day = new Date(dayStart + d * 86_400_000)
    const dom = days.has(day.getUTCDate())
    const dow = weekdays.has(day.getUTCDay())
    const dayMatches = anyDay && anyWeekday ? true : anyDay ? dow : anyWeekday ? dom : dom || dow
    if (!months.has(day.getUTCMonth() + 1) || !dayMatches) continue
    for (const hour of [...hours].sort((a, b) => a - b)) {
      for (const minute of [...minutes].sort((a, b) => a - b)) {
        const at = day.getTime() + hour * 3_600_000 + minute * 60_000
        if (at > after) return at
      }
    }
  }
  return null
}

function field(text: string | undefined, min: number, max: number): Set<number> | null {
  if (text === undefined) return null
  const values = new Set<number>()
  for (const part of text.split(',')) {
    if (part === '*') {
      for (let v = min; v <= max; v++) values.add(v)
      continue
    }
    const match = /^(\d+)(?:-(\d+))?$/.exec(part)
    if (!match) return null
    const from = Number(match[1])
    const to = match[2] === undefined ? from : Number(match[2])
    if (from < min || to > max || from > to) return null
    for (let v = from; v <= to; v++) values.add(v)
  }
  return values
}
