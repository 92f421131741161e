/**
 * A small, strict validator for the OpenAPI 3.0 subset Looker's spec uses (type, format, nullable, enum,
 * items, properties, additionalProperties, required, $ref). Strict where the spec is loose:
 * - an object schema that lists `properties` is closed: a field it does not list is an error;
 * - `nullable` defaults to false (as OpenAPI 3.0 says), so null where the spec does not allow it fails.
 * Leniencies for the spec's own quirks are decided by the caller (docs/decisions/0015-render-pacing.md).
 */

export interface Schema {
  $ref?: string
  type?: string
  format?: string
  nullable?: boolean
  enum?: unknown[]
  items?: Schema
  properties?: Record<string, Schema>
  additionalProperties?: boolean | Schema
  required?: string[]
}

export interface MediaType {
  schema?: Schema
}

export interface Operation {
  operationId: string
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[]
  requestBody?: { required?: boolean; content: Record<string, MediaType> }
  responses: Record<string, { description?: string; content?: Record<string, MediaType> }>
}

export interface OpenApiDocument {
  openapi: string
  info: { version: string }
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Schema> }
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  let current = schema
  for (let depth = 0; current.$ref; depth++) {
    const name = /^#\/components\/schemas\/(.+)$/.exec(current.$ref)?.[1]
    const target = name ? doc.components.schemas[name] : undefined
    if (!target || depth > 20) throw new Error(`unresolvable $ref ${current.$ref}`)
    current = target
  }
  return current
}

/** Every way `value` breaks `schema`, as "path: problem" lines; empty when it conforms. */
export function validate(doc: OpenApiDocument, schema: Schema, value: unknown, path = '$'): string[] {
  const s = resolve(doc, schema)
  if (value === null) return s.nullable === true || s.type === 'any' ? [] : [`${path}: null is not allowed`]
  const type = s.type ?? (s.properties ? 'object' : undefined)
  // On an array the spec's `enum` lists the allowed items (its descriptions say so; OpenAPI would not).
  const allowed = s.enum && type !== 'array' ? s.enum : null
  if (allowed && !allowed.includes(value))
    return [`${path}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`]
  switch (type) {
    case undefined:
    case 'any': // not an OpenAPI 3.0 type; the spec uses it for "anything"
      return []
    case 'string':
      if (typeof value !== 'string') return [`${path}: expected a string, got ${describe(value)}`]
      if (s.format === 'date-time' && !ISO_DATE_TIME.test(value))
        return [`${path}: not a date-time: ${value}`]
      if (s.format === 'date' && !ISO_DATE.test(value)) return [`${path}: not a date: ${value}`]
      return []
    case 'integer':
      return Number.isInteger(value) ? [] : [`${path}: expected an integer, got ${describe(value)}`]
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? []
        : [`${path}: expected a number, got ${describe(value)}`]
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: expected a boolean, got ${describe(value)}`]
    case 'array':
      if (!Array.isArray(value)) return [`${path}: expected an array, got ${describe(value)}`]
      if (!s.items) return []
      return value.flatMap((item, i) =>
        validate(doc, s.enum ? { ...s.items, enum: s.enum } : s.items!, item, `${path}[${i}]`),
      )
    case 'object':
      return validateObject(doc, s, value, path)
    default:
      return [`${path}: the spec uses an unknown type "${type}"`]
  }
}

function validateObject(doc: OpenApiDocument, s: Schema, value: unknown, path: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${path}: expected an object, got ${describe(value)}`]
  const record = value as Record<string, unknown>
  const errors: string[] = []
  for (const name of s.required ?? [])
    if (!(name in record)) errors.push(`${path}: required field "${name}" is missing`)
  for (const [name, field] of Object.entries(record)) {
    const declared = s.properties?.[name]
    if (declared) errors.push(...validate(doc, declared, field, `${path}.${name}`))
    else if (typeof s.additionalProperties === 'object')
      errors.push(...validate(doc, s.additionalProperties, field, `${path}.${name}`))
    else if (s.properties && s.additionalProperties !== true) errors.push(`${path}: unknown field "${name}"`)
  }
  return errors
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  return value === null ? 'null' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40) ?? ''}`
}

/** The spec's path template for a simulator route ("/looks/:look_id" → "/looks/{look_id}"). */
export function specPath(routePath: string): string {
  return routePath.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
}
