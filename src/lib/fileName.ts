const FORBIDDEN = new Set(['\\', '/', ':', '*', '?', '"', '<', '>', '|'])

/** A title made safe as a file name stem: no path or reserved characters, no control characters. */
export function safeFileStem(title: string, fallback = 'look'): string {
  const cleaned = [...title].map((ch) => (FORBIDDEN.has(ch) || ch.charCodeAt(0) < 32 ? ' ' : ch)).join('')
  const stem = cleaned.replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 120).trim()
  return stem || fallback
}
