import { badRequest } from '../errors'
import { compileLike } from './like'

/** How a search parameter is matched (see the search_looks description in the spec). */
export type FieldKind = 'string' | 'id' | 'number' | 'boolean'

/** A string array is a multi-valued id field (e.g. a user's group_ids): any element may match. */
export type FieldValue = string | number | boolean | null | undefined | readonly string[]

export interface SearchField<R, C> {
  kind: FieldKind
  get: (record: R, context: C) => FieldValue
}

export type SearchFields<R, C> = Record<string, SearchField<R, C>>

export type Predicate<R, C> = (record: R, context: C) => boolean

/** Raw parameter values as they arrive (query strings), or typed values from direct store calls. */
export type CriteriaInput = Record<string, string | number | boolean | null | undefined>

const NULL_SPECIALS: Record<string, boolean> = { 'IS NULL': true, 'NOT NULL': false }

/**
 * Turns the given parameters into one predicate per parameter. Unknown names are not criteria
 * (callers pass paging and sorting separately); empty values are ignored as Looker does.
 */
export function compileCriteria<R, C>(fields: SearchFields<R, C>, input: CriteriaInput): Predicate<R, C>[] {
  const predicates: Predicate<R, C>[] = []
  for (const [name, field] of Object.entries(fields)) {
    const raw = input[name]
    if (raw === undefined || raw === null || raw === '') continue
    predicates.push(compileOne(name, field, raw))
  }
  return predicates
}

function compileOne<R, C>(
  name: string,
  field: SearchField<R, C>,
  raw: string | number | boolean,
): Predicate<R, C> {
  const text = String(raw).trim()
  const key = text.toUpperCase()
  const special = Object.hasOwn(NULL_SPECIALS, key) ? NULL_SPECIALS[key] : undefined
  if (special !== undefined && field.kind !== 'boolean') {
    return (record, context) => isNull(field.get(record, context)) === special
  }
  switch (field.kind) {
    case 'string': {
      const matches = compileLike(text)
      return (record, context) => {
        const value = field.get(record, context)
        return typeof value === 'string' && matches(value)
      }
    }
    case 'id': {
      const wanted = new Set(splitList(text))
      return (record, context) => {
        const value = field.get(record, context)
        if (value === null || value === undefined) return false
        return Array.isArray(value) ? value.some((v: string) => wanted.has(v)) : wanted.has(String(value))
      }
    }
    case 'number': {
      const wanted = new Set(
        splitList(text).map((part) => {
          const value = Number(part)
          if (!Number.isFinite(value))
            throw badRequest(`Invalid value "${part}" for ${name}: expected a number.`)
          return value
        }),
      )
      return (record, context) => {
        const value = field.get(record, context)
        return typeof value === 'number' && wanted.has(value)
      }
    }
    case 'boolean': {
      const wanted = parseBoolean(name, raw)
      return (record, context) => (field.get(record, context) ?? false) === wanted
    }
  }
}

export function parseBoolean(name: string, raw: string | number | boolean): boolean {
  if (raw === true || raw === 'true') return true
  if (raw === false || raw === 'false') return false
  throw badRequest(`Invalid value "${String(raw)}" for ${name}: expected true or false.`)
}

const splitList = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)

const isNull = (value: FieldValue) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)

/** AND by default; OR when `filter_or` is true. No criteria matches everything. */
export function combine<R, C>(predicates: Predicate<R, C>[], filterOr: boolean): Predicate<R, C> {
  if (predicates.length === 0) return () => true
  if (predicates.length === 1) return predicates[0] as Predicate<R, C>
  return filterOr
    ? (record, context) => predicates.some((p) => p(record, context))
    : (record, context) => predicates.every((p) => p(record, context))
}
