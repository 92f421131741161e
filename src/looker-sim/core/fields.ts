import { badRequest } from './errors'

/**
 * The `fields` parameter: "id,title,folder(id,name),query(model,view)". Top-level names pick
 * properties; a parenthesised list projects the nested object (or each item of a nested array).
 * Unknown names are ignored, as Looker does.
 */
export type FieldTree = Map<string, FieldTree | null>

export function parseFields(text: string | undefined): FieldTree | null {
  if (text === undefined || text.trim() === '') return null
  let position = 0
  const parseList = (depth: number): FieldTree => {
    const tree: FieldTree = new Map()
    while (position < text.length) {
      const match = /^\s*([A-Za-z0-9_]*)\s*/.exec(text.slice(position))
      const name = match?.[1] ?? ''
      position += match?.[0].length ?? 0
      const next = text[position]
      if (next === '(') {
        position++
        const children = parseList(depth + 1)
        if (text[position] !== ')') throw badRequest(`Invalid fields parameter: missing ")" in "${text}".`)
        position++
        if (name) tree.set(name, children)
      } else if (name) {
        tree.set(name, null)
      }
      const separator = text[position]
      if (separator === ',') {
        position++
        continue
      }
      if (separator === ')' && depth > 0) return tree
      if (separator === undefined) return tree
      throw badRequest(`Invalid fields parameter near "${text.slice(position)}".`)
    }
    return tree
  }
  const tree = parseList(0)
  return tree.size > 0 ? tree : null
}

/** Applies a field tree to a JSON value (object, array of objects, or anything else unchanged). */
export function project(value: unknown, tree: FieldTree | null): unknown {
  if (tree === null) return value
  if (Array.isArray(value)) return value.map((item) => project(item, tree))
  if (value === null || typeof value !== 'object') return value
  const source = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [name, children] of tree) {
    // Own properties only: `fields=constructor` must not pick Object's prototype members.
    if (Object.hasOwn(source, name)) out[name] = project(source[name], children)
  }
  return out
}
