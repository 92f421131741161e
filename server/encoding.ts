/** The precompressed encodings the server can send, best first. */
const PREFERENCE = ['br', 'gzip'] as const
export type Encoding = (typeof PREFERENCE)[number]

/**
 * Picks the best precompressed copy the client accepts (`Accept-Encoding`, with q-values and `*`), or
 * null for the original bytes. An encoding with q=0 is refused, as RFC 9110 §12.5.3 says.
 */
export function chooseEncoding(
  header: string | undefined,
  available: Partial<Record<Encoding, unknown>>,
): Encoding | null {
  if (!header) return null
  const quality = new Map<string, number>()
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';')
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    quality.set(name.trim(), q === undefined ? 1 : Number(q))
  }
  const accepted = (encoding: Encoding) => (quality.get(encoding) ?? quality.get('*') ?? 0) > 0
  return PREFERENCE.find((encoding) => available[encoding] !== undefined && accepted(encoding)) ?? null
}
