/**
 * A query's `dynamic_fields`: a JSON array (as a string) of table calculations, custom measures and custom
 * dimensions, each named by its `table_calculation`, `measure` or `dimension` key. Queries may select and
 * sort on these names as on model fields.
 */
export interface DynamicField {
  name: string
  kind: 'table_calculation' | 'measure' | 'dimension'
  label: string
  /** Whether its values are numbers that behave as a measure (table calculations say so in `_kind_hint`). */
  isMeasure: boolean
  valueFormatName: string | null
  expression: string | null
}

const KINDS = ['table_calculation', 'measure', 'dimension'] as const

/** The fields a `dynamic_fields` string declares; throws a message naming the problem when it is malformed. */
export function parseDynamicFields(text: string | null | undefined): DynamicField[] {
  if (text === null || text === undefined || text.trim() === '') return []
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new Error('dynamic_fields must be a JSON array.')
  }
  if (!Array.isArray(parsed)) throw new Error('dynamic_fields must be a JSON array.')
  return parsed.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null)
      throw new Error(`dynamic_fields[${index}] is not an object.`)
    const record = item as Record<string, unknown>
    const kind = KINDS.find((k) => typeof record[k] === 'string' && record[k] !== '')
    if (!kind) throw new Error(`dynamic_fields[${index}] names no table_calculation, measure or dimension.`)
    const name = record[kind] as string
    const text = (key: string) => (typeof record[key] === 'string' ? record[key] : null)
    return {
      name,
      kind,
      label: text('label') ?? name,
      isMeasure: kind === 'measure' || (kind === 'table_calculation' && record._kind_hint !== 'dimension'),
      valueFormatName: text('value_format_name'),
      expression: text('expression'),
    }
  })
}

/** Like parseDynamicFields, but a malformed string declares nothing (for reading stored queries). */
export function dynamicFieldsOf(text: string | null | undefined): DynamicField[] {
  try {
    return parseDynamicFields(text)
  } catch {
    return []
  }
}
