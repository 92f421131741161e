import type { DataColumn, QueryData } from '../data.ts'
import type { Rgb } from '../raster.ts'
import { formatCell, formatFor, type ValueFormat } from './format.ts'
import { seriesColor } from './theme.ts'

export interface Series {
  name: string
  values: (number | null)[]
  color: Rgb
  /** 0 = the left value axis; 1 = the right one, for a measure of a very different magnitude. */
  axis: 0 | 1
}

/** Query results reshaped for charting: one category per x position, one series per line/colour. */
export interface ChartModel {
  categories: string[]
  series: Series[]
  format: ValueFormat
  xTitle: string
  yTitle: string
  /** The right-hand axis, when some series use it. */
  secondary: { format: ValueFormat; title: string } | null
}

/** Measures whose peaks differ by more than this factor get separate axes. */
const SECONDARY_AXIS_RATIO = 8

/** At most this many pivot values become separate series; more than that reads as noise. */
const MAX_PIVOT_SERIES = 12

const DATE_LIKE = /^\d{4}(-(\d{2}|Q\d)(-\d{2})?)?( \d{2}(:\d{2}(:\d{2})?)?)?$/

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)]
}

/**
 * Builds the chart model, or null when there is nothing to plot (no measures). Two dimensions are
 * pivoted — the second becomes the series — when it has few values, as a Looker user would pivot.
 * Date categories run oldest to newest whatever the sort, as Looker's time axes do.
 */
export function buildModel(data: QueryData): ChartModel | null {
  const dims = data.columns.filter((c) => !c.isMeasure)
  const measures = data.columns.filter((c) => c.isMeasure)
  if (measures.length === 0) return null
  const first = measures[0] as DataColumn
  const format = formatFor(
    first.name,
    data.rows.map((r) => numberOrNull(r[first.name]) ?? 0),
  )
  const yTitle = measures.length === 1 ? first.label : ''
  const label = (row: Record<string, unknown>, columns: DataColumn[]) =>
    columns.map((c) => formatCell(row[c.name], null)).join(' · ')

  let categories: string[]
  let series: Omit<Series, 'color' | 'axis'>[]
  let xTitle = dims.map((d) => d.label).join(' · ')
  const dim0 = dims[0]
  const dim1 = dims[1]
  const pivotValues = dim1 ? distinct(data.rows.map((r) => formatCell(r[dim1.name], null))) : []
  if (dims.length === 0) {
    categories = measures.map((m) => m.label)
    series = [{ name: 'Value', values: measures.map((m) => numberOrNull(data.rows[0]?.[m.name])) }]
  } else if (dim0 && dim1 && dims.length === 2 && pivotValues.length <= MAX_PIVOT_SERIES) {
    categories = distinct(data.rows.map((r) => formatCell(r[dim0.name], null)))
    const index = new Map(categories.map((c, i) => [c, i]))
    series = []
    for (const m of measures) {
      for (const pivot of pivotValues) {
        const values: (number | null)[] = categories.map(() => null)
        for (const row of data.rows) {
          if (formatCell(row[dim1.name], null) !== pivot) continue
          const i = index.get(formatCell(row[dim0.name], null))
          if (i !== undefined) values[i] = numberOrNull(row[m.name])
        }
        series.push({ name: measures.length > 1 ? `${pivot} · ${m.label}` : pivot, values })
      }
    }
    xTitle = dim0.label
  } else {
    categories = data.rows.map((r) => label(r, dims))
    series = measures.map((m) => ({ name: m.label, values: data.rows.map((r) => numberOrNull(r[m.name])) }))
  }

  const dateAxis = categories.length > 1 && categories.every((c) => DATE_LIKE.test(c))
  if (dateAxis && (categories[0] ?? '') > (categories[categories.length - 1] ?? '')) {
    categories.reverse()
    for (const s of series) s.values.reverse()
  }
  // Only unpivoted measures can move to the right axis: a pivot's series all measure the same thing.
  const peak = (values: (number | null)[]) => Math.max(1e-9, ...values.map((v) => Math.abs(v ?? 0)))
  const base = peak(series[0]?.values ?? [])
  const unpivoted = series.length === measures.length && measures.length > 1
  const axes = series.map((s, i) => {
    const ratio = peak(s.values) / base
    return unpivoted && i > 0 && (ratio >= SECONDARY_AXIS_RATIO || ratio <= 1 / SECONDARY_AXIS_RATIO) ? 1 : 0
  })
  const rightIndex = axes.indexOf(1)
  const rightMeasure = measures[rightIndex]
  const secondary = rightMeasure
    ? {
        format: formatFor(
          rightMeasure.name,
          data.rows.map((r) => numberOrNull(r[rightMeasure.name]) ?? 0),
        ),
        title: axes.filter((a) => a === 1).length === 1 ? rightMeasure.label : '',
      }
    : null
  const leftCount = axes.filter((a) => a === 0).length
  return {
    categories,
    series: series.map((s, i) => ({ ...s, color: seriesColor(i), axis: axes[i] ?? 0 })),
    format,
    xTitle,
    yTitle: unpivoted && leftCount === 1 ? first.label : yTitle,
    secondary,
  }
}
