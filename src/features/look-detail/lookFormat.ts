const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** Wire dates are ISO strings (the SDK types say Date); null when absent or unreadable. */
export function parseInstant(value: Date | string | null | undefined): Date | null {
  if (value == null || value === '') return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

export function formatDateTime(value: Date | string | null | undefined): string | null {
  const date = parseInstant(value)
  return date ? dateTime.format(date) : null
}

export function formatCount(value: number | null | undefined): string {
  return value == null ? '—' : value.toLocaleString()
}

/** Only http(s) links from the server become hrefs: a `javascript:` URL must never be clickable. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null
  } catch {
    return null
  }
}
