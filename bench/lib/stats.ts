/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length) - 1
  return sorted[Math.min(Math.max(rank, 0), sorted.length - 1)] ?? NaN
}

export const ms = (value: number) => `${value.toFixed(1)} ms`

export function summary(values: number[]): string {
  return `p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))} (n=${values.length})`
}

/** "sim;dur=12.3" → 12.3; null when absent. */
export function serverTimingMs(header: string | undefined): number | null {
  const match = header ? /dur=([\d.]+)/.exec(header) : null
  return match ? Number(match[1]) : null
}
