import type { ProxyLogger } from './lookerProxy.ts'

/**
 * The proxy's messages go to a terminal or a log collector, which more people read than hold the API key.
 * Whatever the proxy writes passes through here: the configured secret and every token it has held are
 * replaced wherever they appear, and so is the value of anything written as a client_secret, access_token
 * or refresh_token (`client_secret=…`, `"access_token": "…"`), whoever put it there.
 */
const NAMED_SECRET = /\b(client_secret|access_token|refresh_token)(["']?\s*[:=]\s*["']?)[^\s&"',;}]+/gi
export const REDACTED = '[redacted]'

export function redact(text: string, secrets: Iterable<string>): string {
  let out = text.replace(NAMED_SECRET, `$1$2${REDACTED}`)
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(REDACTED)
  return out
}

/** A logger that redacts every message (and every string field a JSON logger gets) before writing it. */
export function redactingLogger<L extends ProxyLogger>(logger: L, secrets: () => Iterable<string>): L {
  const wrap =
    (write: (message: string, ...rest: unknown[]) => void) =>
    (message: string, ...rest: unknown[]) => {
      const known = [...secrets()]
      const clean = rest.map((value) => (isRecord(value) ? redactFields(value, known) : value))
      write(redact(message, known), ...clean)
    }
  return {
    ...logger,
    info: wrap(logger.info.bind(logger)),
    warn: wrap(logger.warn.bind(logger)),
    error: wrap(logger.error.bind(logger)),
  }
}

function redactFields(fields: Record<string, unknown>, known: string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      typeof value === 'string' ? redact(value, known) : value,
    ]),
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
