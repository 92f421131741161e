/** Field-name heuristics: is it a measure, what kind of dimension is it, how is it labelled. */

export type MeasureKind = 'count' | 'currency' | 'average' | 'ratio' | 'number'

export type DateGrain =
  | 'time'
  | 'date'
  | 'week'
  | 'month'
  | 'quarter'
  | 'year'
  | 'hour'
  | 'day_of_week'
  | 'month_name'
  | 'hour_of_day'
  | 'day_of_month'

export type DimensionKind =
  | { kind: 'date'; grain: DateGrain }
  | { kind: 'yesno' }
  | { kind: 'id' }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'category'; list: string }

/** Measures in Looker's sample "thelook" model that the suffix rules would not catch. */
const KNOWN_MEASURES = new Set(['users.lifetime_orders', 'order_items.order_count', 'events.sessions'])

const MEASURE_LAST = new Set([
  'count', 'total', 'sum', 'average', 'avg', 'mean', 'median', 'revenue', 'price', 'amount', 'cost', 'profit',
  'margin', 'sales', 'quantity', 'qty', 'percent', 'pct', 'percentage', 'rate', 'ratio', 'spend', 'gmv',
]) // prettier-ignore
const MEASURE_FIRST = new Set([
  'count',
  'total',
  'sum',
  'average',
  'avg',
  'min',
  'max',
  'median',
  'number',
  'percent',
])

/** `orders.created_month` → `created_month`. */
export function fieldPart(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot >= 0 ? name.slice(dot + 1) : name
}

function tokens(name: string): string[] {
  return fieldPart(name)
    .toLowerCase()
    .split(/[_\s]+/)
    .filter(Boolean)
}

export function isMeasureField(name: string): boolean {
  if (KNOWN_MEASURES.has(name.toLowerCase())) return true
  const parts = tokens(name)
  if (parts[0] === 'is' || parts[0] === 'has') return false
  const last = parts[parts.length - 1] ?? ''
  const first = parts[0] ?? ''
  return MEASURE_LAST.has(last) || (parts.length > 1 && MEASURE_FIRST.has(first))
}

export function measureKind(name: string): MeasureKind {
  const parts = tokens(name)
  const has = (...words: string[]) => words.some((w) => parts.includes(w))
  if (has('percent', 'pct', 'percentage', 'rate', 'ratio', 'share')) return 'ratio'
  if (has('average', 'avg', 'mean', 'median'))
    return has('count', 'orders', 'items', 'age') ? 'number' : 'average'
  // Durations such as "days sales outstanding" are plain numbers, whatever else the name says.
  if (has('days', 'hours', 'minutes')) return 'number'
  if (
    has(
      'count',
      'quantity',
      'qty',
      'number',
      'orders',
      'sessions',
      'users',
      'visitors',
      'impressions',
      'stock',
    )
  )
    return 'count'
  if (
    has('price', 'revenue', 'amount', 'cost', 'profit', 'margin', 'sales', 'spend', 'gmv', 'total', 'sum') ||
    has('mrr', 'arr', 'income', 'cash')
  ) {
    return parts[parts.length - 1] === 'price' && !has('total', 'sum') ? 'average' : 'currency'
  }
  return 'number'
}

/** Whether values of this measure are money, so charts can prefix '$'. */
export function isCurrencyField(name: string): boolean {
  const parts = tokens(name)
  const money = [
    'price',
    'revenue',
    'amount',
    'cost',
    'profit',
    'margin',
    'sales',
    'spend',
    'gmv',
    'mrr',
    'arr',
  ]
  return money.some((w) => parts.includes(w))
}

const GRAIN_SUFFIXES: [string, DateGrain][] = [
  ['day_of_week', 'day_of_week'],
  ['day_of_month', 'day_of_month'],
  ['hour_of_day', 'hour_of_day'],
  ['month_name', 'month_name'],
  ['time', 'time'],
  ['raw', 'time'],
  ['date', 'date'],
  ['week', 'week'],
  ['month', 'month'],
  ['quarter', 'quarter'],
  ['year', 'year'],
  ['hour', 'hour'],
]

/** The list in data-domains.ts whose key appears in the field name (most specific first). */
const CATEGORY_KEYWORDS: [RegExp, string][] = [
  [/traffic_source|source|channel|medium/, 'channel'],
  [/country/, 'country'],
  [/state|province/, 'state'],
  [/city/, 'city'],
  [/region|territory/, 'region'],
  [/department/, 'department'],
  [/category/, 'category'],
  [/brand/, 'brand'],
  [/product|item_name|sku/, 'product'],
  [/status/, 'status'],
  [/gender/, 'gender'],
  [/tier|bucket/, 'tier'],
  [/browser/, 'browser'],
  [/\bos\b|platform|device/, 'device'],
  [/carrier|shipping/, 'carrier'],
  [/payment/, 'payment'],
  [/first_name/, 'firstName'],
  [/last_name/, 'lastName'],
  [/email/, 'email'],
  [/name/, 'fullName'],
  [/language|locale/, 'language'],
  [/segment|plan|type/, 'segment'],
]

export function dimensionKind(name: string): DimensionKind {
  const field = fieldPart(name).toLowerCase()
  for (const [suffix, grain] of GRAIN_SUFFIXES) {
    if (field === suffix || field.endsWith('_' + suffix)) return { kind: 'date', grain }
  }
  const parts = tokens(name)
  if (parts[0] === 'is' || parts[0] === 'has' || field.endsWith('_yn') || field.endsWith('_yesno')) {
    return { kind: 'yesno' }
  }
  if (parts[parts.length - 1] === 'id') return { kind: 'id' }
  if (/zip|postal/.test(field)) return { kind: 'number', min: 10001, max: 99950 }
  if (field === 'age' || field.endsWith('_age')) return { kind: 'number', min: 18, max: 72 }
  for (const [pattern, list] of CATEGORY_KEYWORDS) if (pattern.test(field)) return { kind: 'category', list }
  return { kind: 'category', list: 'generic' }
}

const ACRONYMS: Record<string, string> = { id: 'ID', url: 'URL', sku: 'SKU', os: 'OS', yn: 'Y/N', gmv: 'GMV' }

/** `created_month` → "Created Month" (with the usual acronyms upper-cased). */
export function titleCase(words: string): string {
  return words
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ')
}

/** Looker-style label: `order_items.total_sale_price` → "Order Items Total Sale Price". */
export function fieldLabel(name: string, view?: string): string {
  const dot = name.lastIndexOf('.')
  const viewName = dot >= 0 ? name.slice(0, dot) : (view ?? '')
  const viewLabel = titleCase(viewName.slice(viewName.lastIndexOf('.') + 1))
  const label = titleCase(fieldPart(name))
  return viewLabel ? `${viewLabel} ${label}` : label
}
