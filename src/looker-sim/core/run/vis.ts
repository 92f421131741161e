import type { QueryData } from '../render/data'

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

/**
 * `apply_vis`: results as the visualization shows them. Looker's vis_config keeps the columns a table
 * hides (`hidden_fields`), the renamed headers (`series_labels`, field name → label) and the column order
 * (`column_order`); other settings change only how the chart is drawn.
 */
export function applyVisConfig(data: QueryData, visConfig: Record<string, unknown> | null): QueryData {
  if (!visConfig) return data
  const hidden = new Set(strings(visConfig.hidden_fields))
  const rawLabels = visConfig.series_labels
  const labels =
    typeof rawLabels === 'object' && rawLabels !== null ? (rawLabels as Record<string, unknown>) : {}
  const order = strings(visConfig.column_order)
  const position = (name: string) => {
    const index = order.indexOf(name)
    return index === -1 ? order.length : index
  }
  const columns = data.columns
    .filter((c) => !hidden.has(c.name))
    .map((c) => {
      const label = labels[c.name]
      return typeof label === 'string' && label.trim() !== '' ? { ...c, label } : c
    })
    // Array.prototype.sort is stable: columns the order does not name keep theirs, after the named ones.
    .sort((a, b) => position(a.name) - position(b.name))
  const kept = columns.map((c) => c.name)
  const rows = data.rows.map((row) => Object.fromEntries(kept.map((name) => [name, row[name]])))
  return { columns, rows }
}
