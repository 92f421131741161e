import { isCurrencyField } from '../data-fields.ts'

export type ValueFormat = 'currency' | 'percent' | 'number'

const RATIO_WORDS = /(^|_)(percent|pct|percentage|rate|ratio|share)(_|$)/

/** How to show a measure's values: money, a share (0..1 shown as %), or a plain number. */
export function formatFor(field: string, values: readonly number[]): ValueFormat {
  const name = field.slice(field.lastIndexOf('.') + 1).toLowerCase()
  if (isCurrencyField(field)) return 'currency'
  if (RATIO_WORDS.test(name) && values.every((v) => v >= -1 && v <= 1)) return 'percent'
  return 'number'
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Full value for tables and single values: 52,424 · $214,813.43 · 34.5%. */
export function formatValue(value: number, format: ValueFormat): string {
  if (!Number.isFinite(value)) return '∅'
  const sign = value < 0 ? '-' : ''
  const abs = Math.abs(value)
  if (format === 'percent') return `${sign}${(abs * 100).toFixed(1)}%`
  const decimals = format === 'currency' ? 2 : Number.isInteger(abs) ? 0 : abs < 10 ? 2 : 1
  const [whole = '0', fraction] = abs.toFixed(decimals).split('.')
  const text = groupThousands(whole) + (fraction ? `.${fraction}` : '')
  return `${sign}${format === 'currency' ? '$' : ''}${text}`
}

/** Short value for axis ticks and data labels: 1.2K, 3.5M, $40K, 25%. */
export function formatCompact(value: number, format: ValueFormat): string {
  if (format === 'percent') {
    const pct = value * 100
    return `${Number.isInteger(Math.round(pct * 10) / 10) ? pct.toFixed(0) : pct.toFixed(1)}%`
  }
  const sign = value < 0 ? '-' : ''
  const abs = Math.abs(value)
  const prefix = format === 'currency' ? '$' : ''
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ]
  for (const [size, suffix] of units) {
    if (abs >= size)
      return `${sign}${prefix}${trimZeros((abs / size).toFixed(abs / size >= 100 ? 0 : 1))}${suffix}`
  }
  return `${sign}${prefix}${trimZeros(abs.toFixed(abs >= 10 || Number.isInteger(abs) ? 0 : 2))}`
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

/** Cell text for any value: numbers formatted, null as ∅ (as Looker shows), everything else as text. */
export function formatCell(value: unknown, format: ValueFormat | null): string {
  if (value === null || value === undefined) return '∅'
  if (typeof value === 'number') return format ? formatValue(value, format) : String(value)
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  return typeof value === 'string' ? value : JSON.stringify(value)
}
