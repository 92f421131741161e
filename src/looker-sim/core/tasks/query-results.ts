import { DEFAULT_LIMIT, generateQueryData, type QueryData } from '../render/data'
import { formatCell, formatFor, type ValueFormat } from '../render/chart/format'
import { measureKind } from '../render/data-fields'
import { isDeclaredMeasure, withDeclaredMeasures } from '../seed/field-roles'
import type { QueryRecord } from '../types'

export const QUERY_RESULT_FORMATS = [
  'json_detail',
  'inline_json',
  'json',
  'csv',
  'txt',
  'md',
  'html',
  'sql',
] as const
export type QueryResultFormat = (typeof QUERY_RESULT_FORMATS)[number]

export interface FormattedResult {
  contentType: string
  /** JSON formats are objects, the rest text. */
  body: unknown
}

/** Rows for a query, repeatable for a seed; `limit` overrides the query's own (as create_query_task does). */
export function queryData(query: QueryRecord, seed: number, limit?: number): QueryData {
  return generateQueryData(withDeclaredMeasures({ ...query, limit: limit ?? query.limit }), seed)
}

/** Looker's value_format strings for the formats the renderer uses. */
const VALUE_FORMAT_STRINGS: Record<string, string> = {
  currency: '$#,##0.00',
  percent: '0.0%',
  number: '#,##0.##',
}

/** Per column: how its values read for people (the same rules the rendered images use). */
export function columnFormats(data: QueryData): Map<string, ValueFormat | null> {
  return new Map(
    data.columns.map((c) => {
      const numbers = data.rows.map((r) => r[c.name]).filter((v): v is number => typeof v === 'number')
      return [c.name, c.isMeasure ? formatFor(c.name, numbers) : null]
    }),
  )
}

export function buildSql(query: QueryRecord, limit?: number): string {
  const view = query.view
  const column = (f: string) => f.replace(/^[^.]+\./, `${view}.`)
  const dimensions = query.fields.filter((f) => !isDeclaredMeasure(f))
  const where = Object.entries(query.filters ?? {}).map(
    ([f, v]) => `  ${column(f)} = '${v.replace(/'/g, "''")}'`,
  )
  return [
    'SELECT',
    query.fields.map((f) => `  ${column(f)} AS "${f}"`).join(',\n'),
    `FROM ${query.model}.${view} AS ${view}`,
    where.length ? `WHERE\n${where.join('\n  AND ')}` : null,
    dimensions.length ? `GROUP BY ${dimensions.map((_, i) => i + 1).join(', ')}` : null,
    query.sorts.length
      ? `ORDER BY ${query.sorts
          .map((s) =>
            column(s)
              .toUpperCase()
              .replace(/ (ASC|DESC)$/, ' $1'),
          )
          .join(', ')}`
      : null,
    `LIMIT ${limit ?? query.limit ?? DEFAULT_LIMIT}`,
  ]
    .filter((line) => line !== null)
    .join('\n')
}

const csvCell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)
const htmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const mdCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

const rawText = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : value === null || value === undefined
      ? ''
      : JSON.stringify(value)

/** One query's results in one of Looker's result formats. */
export function formatResults(
  query: QueryRecord,
  data: QueryData,
  format: QueryResultFormat,
  options: { applyFormatting: boolean; limit?: number; ranAt: string },
): FormattedResult {
  const { columns, rows } = data
  const formats = columnFormats(data)
  const rendered = (row: Record<string, unknown>, name: string) =>
    formatCell(row[name], formats.get(name) ?? null)
  const cell = (row: Record<string, unknown>, c: (typeof columns)[number]) =>
    options.applyFormatting ? rendered(row, c.name) : rawText(row[c.name])
  const labels = columns.map((c) => c.label)
  const table = rows.map((row) => columns.map((c) => cell(row, c)))
  switch (format) {
    case 'json_detail': {
      const describe = (c: (typeof columns)[number]) => ({
        name: c.name,
        label: c.label,
        label_short: c.label.replace(/^\S+\s/, ''),
        type: c.isMeasure ? measureKind(c.name) : 'string',
        value_format: VALUE_FORMAT_STRINGS[formats.get(c.name) ?? 'none'] ?? null,
        is_numeric: c.isMeasure,
        view: query.view,
      })
      return {
        contentType: 'application/json',
        body: {
          fields: {
            dimensions: columns.filter((c) => !c.isMeasure).map(describe),
            measures: columns.filter((c) => c.isMeasure).map(describe),
            table_calculations: [],
            pivots: [],
          },
          data: rows.map((row) =>
            Object.fromEntries(
              columns.map((c) => [c.name, { value: row[c.name] ?? null, rendered: rendered(row, c.name) }]),
            ),
          ),
          sql: buildSql(query, options.limit),
          ran_at: options.ranAt,
          has_totals: false,
          has_row_totals: false,
          null_sort_treatment: 'low',
        },
      }
    }
    case 'json':
    case 'inline_json':
      return {
        contentType: 'application/json',
        body: rows.map((row) =>
          Object.fromEntries(
            columns.map((c) => [c.name, options.applyFormatting ? cell(row, c) : (row[c.name] ?? null)]),
          ),
        ),
      }
    case 'csv':
      return {
        contentType: 'text/csv',
        body: [labels, ...table].map((r) => r.map(csvCell).join(',')).join('\n') + '\n',
      }
    case 'txt':
      return {
        contentType: 'text/plain',
        body: [labels, ...table].map((r) => r.join('\t')).join('\n') + '\n',
      }
    case 'md':
      return {
        contentType: 'text/markdown',
        body:
          [labels, labels.map(() => '---'), ...table]
            .map((r) => `| ${r.map(mdCell).join(' | ')} |`)
            .join('\n') + '\n',
      }
    case 'html': {
      const head = `<tr>${labels.map((l) => `<th>${htmlEscape(l)}</th>`).join('')}</tr>`
      const body = table
        .map((r) => `<tr>${r.map((v) => `<td>${htmlEscape(v)}</td>`).join('')}</tr>`)
        .join('\n')
      return {
        contentType: 'text/html',
        body: `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>\n`,
      }
    }
    case 'sql':
      return { contentType: 'text/plain', body: buildSql(query, options.limit) + '\n' }
  }
}
