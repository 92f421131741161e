import { badRequest, validationFailed, type FieldError } from '../errors'
import { exploreField, findExplore, findModel, type CatalogExplore } from '../lookml/catalog'
import { parseDynamicFields, type DynamicField } from '../lookml/dynamic-fields'
import type { QueryRecord } from '../types'

/** A create_query body, checked: everything a QueryRecord holds except what the simulator assigns. */
export type QueryDraft = Omit<QueryRecord, 'id' | 'slug' | 'client_id'> & { client_id: string | null }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const CLIENT_ID = /^[A-Za-z0-9]{22}$/
const SORT = /^(\S+?)(?:\s+(asc|desc))?$/i
/** Looker's column limit tops out at 200 pivot columns. */
const MAX_COLUMN_LIMIT = 200

/**
 * Checks a create_query body (spec `Query`, writable properties) against the model: 400 when it is not a
 * JSON object, otherwise 422 with every problem at once. Read-only and unknown properties are ignored,
 * as for update_look. Fields, pivots, sorts and filters must name fields of the explore (or the query's
 * own dynamic fields); pivots, fill fields, subtotals and sorts must be among the selected fields.
 */
export function validateQueryBody(body: unknown): QueryDraft {
  if (!isObject(body)) throw badRequest('The request body must be a JSON object.')
  const errors: FieldError[] = []
  const invalid = (field: string, message: string) => errors.push({ field, code: 'invalid', message })
  const read = new BodyReader(body, invalid)

  const model = required(body, 'model', errors)
  const view = required(body, 'view', errors)
  let explore: CatalogExplore | undefined
  if (model !== undefined && !findModel(model)) {
    errors.push({ field: 'model', code: 'not_found', message: `Model "${model}" does not exist.` })
  } else if (model !== undefined && view !== undefined) {
    explore = findExplore(model, view)
    if (!explore) {
      errors.push({
        field: 'view',
        code: 'not_found',
        message: `Explore "${view}" does not exist in model "${model}".`,
      })
    }
  }

  let dynamic: DynamicField[] = []
  const dynamicFields = read.string('dynamic_fields')
  try {
    dynamic = parseDynamicFields(dynamicFields)
  } catch (error) {
    invalid('dynamic_fields', (error as Error).message)
  }

  const fields = read.strings('fields')
  const draft: QueryDraft = {
    model: model ?? '',
    view: view ?? '',
    fields: fields ?? [],
    pivots: read.strings('pivots'),
    fill_fields: read.strings('fill_fields'),
    filters: read.filters(),
    filter_expression: read.string('filter_expression'),
    sorts: read.strings('sorts') ?? [],
    limit: read.integer(
      'limit',
      (n) => n === -1 || n >= 1,
      'must be a whole number of rows (1 or more), or -1',
    ),
    column_limit: read.integer(
      'column_limit',
      (n) => n >= 1 && n <= MAX_COLUMN_LIMIT,
      `must be a whole number from 1 to ${MAX_COLUMN_LIMIT}`,
    ),
    total: read.boolean('total'),
    row_total: read.string('row_total'),
    subtotals: read.strings('subtotals'),
    vis_config: read.object('vis_config'),
    filter_config: read.object('filter_config'),
    visible_ui_sections: read.string('visible_ui_sections'),
    dynamic_fields: dynamicFields,
    client_id: read.string('client_id'),
    query_timezone: read.string('query_timezone'),
  }
  if (draft.client_id !== null && !CLIENT_ID.test(draft.client_id)) {
    invalid('client_id', 'client_id must be a unique 22 character alphanumeric string.')
  }
  if (explore) checkFieldNames(draft, explore, dynamic, errors)
  if (errors.length > 0) throw validationFailed(errors)
  return draft
}

function required(body: Record<string, unknown>, name: string, errors: FieldError[]): string | undefined {
  const value = body[name]
  if (value === undefined || value === null || value === '') {
    errors.push({ field: name, code: 'missing', message: `${name} is required.` })
    return undefined
  }
  if (typeof value !== 'string') {
    errors.push({ field: name, code: 'invalid', message: `${name} must be a string.` })
    return undefined
  }
  return value
}

function checkFieldNames(
  draft: QueryDraft,
  explore: CatalogExplore,
  dynamic: DynamicField[],
  errors: FieldError[],
): void {
  const dynamicByName = new Map(dynamic.map((d) => [d.name, d]))
  const known = (name: string) => exploreField(explore, name) !== undefined || dynamicByName.has(name)
  const isDimension = (name: string) =>
    exploreField(explore, name)?.category === 'dimension' || dynamicByName.get(name)?.kind === 'dimension'
  const where = `explore "${explore.name}" of model "${explore.model}"`
  const unknown = (field: string, name: string) =>
    errors.push({ field, code: 'not_found', message: `Unknown field "${name}" in ${where}.` })
  const invalid = (field: string, message: string) => errors.push({ field, code: 'invalid', message })

  for (const name of draft.fields) if (!known(name)) unknown('fields', name)
  for (const name of Object.keys(draft.filters ?? {})) if (!known(name)) unknown('filters', name)
  const selected = new Set(draft.fields)
  for (const key of ['pivots', 'fill_fields', 'subtotals'] as const) {
    for (const name of draft[key] ?? []) {
      if (!selected.has(name)) invalid(key, `"${name}" must also be one of the query's fields.`)
      else if (!isDimension(name)) invalid(key, `"${name}" is a measure; only dimensions can be used here.`)
    }
  }
  for (const sort of draft.sorts) {
    if (sort === '__UNSORTED__') continue
    const name = SORT.exec(sort.trim())?.[1]
    if (name === undefined) invalid('sorts', `"${sort}" is not "field", "field asc" or "field desc".`)
    else if (!selected.has(name))
      invalid('sorts', `Cannot sort on "${name}": it is not one of the query's fields.`)
  }
}

/** Reads optional properties of one type; a wrong type is a field error, absent or null is null. */
class BodyReader {
  constructor(
    private readonly body: Record<string, unknown>,
    private readonly invalid: (field: string, message: string) => void,
  ) {}

  private value(name: string): unknown {
    const value = this.body[name]
    return value === undefined ? null : value
  }

  string(name: string): string | null {
    const value = this.value(name)
    if (value === null || typeof value === 'string') return value
    this.invalid(name, `${name} must be a string.`)
    return null
  }

  boolean(name: string): boolean | null {
    const value = this.value(name)
    if (value === null || typeof value === 'boolean') return value
    this.invalid(name, `${name} must be true or false.`)
    return null
  }

  strings(name: string): string[] | null {
    const value = this.value(name)
    if (value === null) return null
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value
    this.invalid(name, `${name} must be an array of field names.`)
    return null
  }

  object(name: string): Record<string, unknown> | null {
    const value = this.value(name)
    if (value === null || isObject(value)) return value
    this.invalid(name, `${name} must be an object.`)
    return null
  }

  filters(): Record<string, string> | null {
    const value = this.value('filters')
    if (value === null) return null
    if (isObject(value) && Object.values(value).every((v) => typeof v === 'string'))
      return value as Record<string, string>
    this.invalid('filters', 'filters must map field names to filter expressions (strings).')
    return null
  }

  /** Integers arrive as strings (the spec's type) or numbers (older clients); kept as a string. */
  integer(name: string, accept: (n: number) => boolean, message: string): string | null {
    const value = this.value(name)
    if (value === null) return null
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : ''
    if (/^-?\d+$/.test(text) && accept(Number(text))) return String(Number(text))
    this.invalid(name, `${name} ${message}; got ${JSON.stringify(value)}.`)
    return null
  }
}
