import { findJsonSyntaxProblem } from '../lib/jsonSyntax'
import {
  BACKUP_QUERY_KEYS,
  LOOKS_BACKUP_FORMAT,
  LOOKS_BACKUP_VERSION,
  type BackupLook,
  type BackupQuery,
  type LooksBackup,
} from './lookBackupFormat'

/**
 * Reads a looks backup file and says what is wrong with it: the FIRST problem, in the order a person reads
 * the file (syntax, then what kind of file it is, then each look in turn), in words that name the place.
 * A file that is refused changes nothing. Unknown properties are ignored (a later minor addition must not
 * make an older reader refuse a file it can use); only the known ones are kept.
 */

export type BackupReadResult = { ok: true; backup: LooksBackup } | { ok: false; problem: string }

/** Far above any real backup (about 2 KB a look), low enough that reading it cannot hang the tab. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024

type Json = unknown
type JsonObject = Record<string, Json>

class Problem extends Error {}

function kindOf(value: Json): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string')
    return `text (${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)})`
  if (typeof value === 'number') return `a number (${value})`
  if (typeof value === 'boolean') return `${value}`
  return 'an object'
}

const isObject = (value: Json): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

type Kind =
  'text' | 'non-empty text' | 'true or false' | 'a number' | 'an object' | 'a list of text' | 'text values'

function matches(kind: Kind, value: Json): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string'
    case 'non-empty text':
      return typeof value === 'string' && value.trim() !== ''
    case 'true or false':
      return typeof value === 'boolean'
    case 'a number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'an object':
      return isObject(value)
    case 'a list of text':
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
    case 'text values':
      return isObject(value) && Object.values(value).every((v) => typeof v === 'string')
  }
}

interface Rule {
  kind: Kind
  required?: boolean
  nullable?: boolean
}

/** Checks `obj[key]` against `rule`; `where` starts the message ("Look 2 of 3 (“Sales”): "). */
function expect(obj: JsonObject, key: string, rule: Rule, where: string, path = key): void {
  const present = Object.hasOwn(obj, key) && obj[key] !== undefined
  if (!present) {
    if (rule.required) throw new Problem(`${where}“${path}” is missing.`)
    return
  }
  const value = obj[key]
  if (value === null && rule.nullable) return
  if (matches(rule.kind, value)) return
  const allowed = `${rule.kind}${rule.nullable ? ' or null' : ''}`
  if (rule.kind === 'a list of text' && Array.isArray(value)) {
    const at = value.findIndex((v) => typeof v !== 'string')
    throw new Problem(`${where}item ${at + 1} of “${path}” must be text, not ${kindOf(value[at])}.`)
  }
  if (rule.kind === 'text values' && isObject(value)) {
    const bad = Object.keys(value).find((k) => typeof value[k] !== 'string')!
    throw new Problem(`${where}“${path}.${bad}” must be text, not ${kindOf(value[bad])}.`)
  }
  if (rule.kind === 'non-empty text' && typeof value === 'string')
    throw new Problem(`${where}“${path}” is empty.`)
  throw new Problem(`${where}“${path}” must be ${allowed}, not ${kindOf(value)}.`)
}

const optionalText: Rule = { kind: 'text', nullable: true }

const QUERY_RULES: Record<(typeof BACKUP_QUERY_KEYS)[number], Rule> = {
  model: { kind: 'non-empty text', required: true },
  view: { kind: 'non-empty text', required: true },
  fields: { kind: 'a list of text', nullable: true },
  pivots: { kind: 'a list of text', nullable: true },
  fill_fields: { kind: 'a list of text', nullable: true },
  filters: { kind: 'text values', nullable: true },
  filter_expression: optionalText,
  sorts: { kind: 'a list of text', nullable: true },
  limit: optionalText,
  column_limit: optionalText,
  total: { kind: 'true or false', nullable: true },
  row_total: optionalText,
  subtotals: { kind: 'a list of text', nullable: true },
  vis_config: { kind: 'an object', nullable: true },
  filter_config: { kind: 'an object', nullable: true },
  visible_ui_sections: optionalText,
  dynamic_fields: optionalText,
  query_timezone: optionalText,
}

const LOOK_RULES: Record<string, Rule> = {
  id: { kind: 'non-empty text', required: true },
  title: { kind: 'non-empty text', required: true },
  description: optionalText,
  is_run_on_load: { kind: 'true or false' },
  public: { kind: 'true or false' },
  folder: { kind: 'an object', required: true },
  owner: { kind: 'an object', nullable: true },
  created_at: optionalText,
  updated_at: optionalText,
  deleted_at: optionalText,
  deleter_id: optionalText,
  last_viewed_at: optionalText,
  view_count: { kind: 'a number', nullable: true },
  favorite_count: { kind: 'a number', nullable: true },
  query_id: optionalText,
  query_slug: optionalText,
}

function readQuery(query: JsonObject, where: string): BackupQuery {
  const out: JsonObject = {}
  for (const key of BACKUP_QUERY_KEYS) {
    expect(query, key, QUERY_RULES[key], where, `query.${key}`)
    if (query[key] !== undefined) out[key] = query[key]
  }
  return out as BackupQuery
}

function readFolder(folder: JsonObject, where: string): BackupLook['folder'] {
  expect(folder, 'id', optionalText, where, 'folder.id')
  expect(folder, 'name', optionalText, where, 'folder.name')
  let path: BackupLook['folder']['path'] = null
  if (folder.path !== undefined && folder.path !== null) {
    if (!Array.isArray(folder.path))
      throw new Problem(`${where}“folder.path” must be a list or null, not ${kindOf(folder.path)}.`)
    path = folder.path.map((step: Json, i) => {
      if (!isObject(step))
        throw new Problem(`${where}item ${i + 1} of “folder.path” must be an object, not ${kindOf(step)}.`)
      expect(step, 'id', { kind: 'text', required: true }, where, `folder.path[${i + 1}].id`)
      expect(step, 'name', { kind: 'text', required: true }, where, `folder.path[${i + 1}].name`)
      return { id: step.id as string, name: step.name as string }
    })
  }
  return {
    id: (folder.id as string | null | undefined) ?? null,
    name: (folder.name as string | null | undefined) ?? null,
    path,
  }
}

function readLook(look: Json, n: number, total: number): BackupLook {
  const at = `Look ${n} of ${total}`
  if (!isObject(look)) throw new Problem(`${at} must be an object, not ${kindOf(look)}.`)
  const title = typeof look.title === 'string' && look.title.trim() ? ` (“${look.title}”)` : ''
  const where = `${at}${title}: `
  for (const [key, rule] of Object.entries(LOOK_RULES)) expect(look, key, rule, where)
  if (look.query === undefined || look.query === null)
    throw new Problem(`${at}${title} has no query, so it cannot be re-created.`)
  if (!isObject(look.query))
    throw new Problem(`${where}“query” must be an object, not ${kindOf(look.query)}.`)
  const owner = isObject(look.owner) ? look.owner : {}
  expect(owner, 'id', optionalText, where, 'owner.id')
  expect(owner, 'name', optionalText, where, 'owner.name')
  const str = (key: string) => (typeof look[key] === 'string' ? look[key] : null)
  const num = (key: string) => (typeof look[key] === 'number' ? look[key] : null)
  return {
    id: look.id as string,
    title: look.title as string,
    description: str('description'),
    is_run_on_load: look.is_run_on_load === true,
    public: look.public === true,
    folder: readFolder(look.folder as JsonObject, where),
    owner: {
      id: (owner.id as string | null | undefined) ?? null,
      name: (owner.name as string | null | undefined) ?? null,
    },
    created_at: str('created_at'),
    updated_at: str('updated_at'),
    deleted_at: str('deleted_at'),
    deleter_id: str('deleter_id'),
    last_viewed_at: str('last_viewed_at'),
    view_count: num('view_count'),
    favorite_count: num('favorite_count'),
    query_id: str('query_id'),
    query_slug: str('query_slug'),
    query: readQuery(look.query, where),
  }
}

function readDocument(doc: Json): LooksBackup {
  if (!isObject(doc))
    throw new Problem(`This is not a Lookbook looks backup: the file holds ${kindOf(doc)}, not an object.`)
  if (doc.format === undefined)
    throw new Problem(
      `This is not a Lookbook looks backup: it has no “format” (expected "${LOOKS_BACKUP_FORMAT}").`,
    )
  if (doc.format !== LOOKS_BACKUP_FORMAT)
    throw new Problem(
      `This is not a Lookbook looks backup: its “format” is ${kindOf(doc.format)}, not "${LOOKS_BACKUP_FORMAT}".`,
    )
  if (doc.version === undefined) throw new Problem('The backup has no “version”.')
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1)
    throw new Problem(`The backup’s “version” must be a whole number from 1, not ${kindOf(doc.version)}.`)
  if (doc.version > LOOKS_BACKUP_VERSION)
    throw new Problem(
      `This backup is format version ${doc.version}, newer than this Lookbook can read (version ${LOOKS_BACKUP_VERSION}). Open it with a newer Lookbook.`,
    )
  expect(doc, 'created_at', { kind: 'text', required: true }, 'The backup’s ')
  expect(doc, 'source', { kind: 'an object', nullable: true }, 'The backup’s ')
  expect(doc, 'created_by', { kind: 'an object', nullable: true }, 'The backup’s ')
  if (!Object.hasOwn(doc, 'looks')) throw new Problem('The backup has no “looks”.')
  if (!Array.isArray(doc.looks))
    throw new Problem(`The backup’s “looks” must be a list, not ${kindOf(doc.looks)}.`)
  if (doc.looks.length === 0) throw new Problem('The backup holds no looks.')
  const looks = doc.looks.map((look: Json, i, all) => readLook(look, i + 1, all.length))
  // Each look is one row of the re-create list and of its outcome, named by its id.
  const firstAt = new Map<string, number>()
  for (const [i, look] of looks.entries()) {
    const first = firstAt.get(look.id)
    if (first !== undefined)
      throw new Problem(
        `Look ${i + 1} of ${looks.length} (“${look.title}”) has the same “id” (${JSON.stringify(look.id)}) as look ${first + 1}; each look is in a backup once.`,
      )
    firstAt.set(look.id, i)
  }
  const source = isObject(doc.source) ? doc.source : {}
  const by = isObject(doc.created_by) ? doc.created_by : null
  const textOrNull = (value: Json) => (typeof value === 'string' ? value : null)
  return {
    format: LOOKS_BACKUP_FORMAT,
    version: LOOKS_BACKUP_VERSION,
    created_at: doc.created_at as string,
    source: {
      web_server_url: textOrNull(source.web_server_url),
      looker_release: textOrNull(source.looker_release),
      api_version: '4.0',
    },
    created_by: by && { id: textOrNull(by.id), name: textOrNull(by.name) },
    looks,
  }
}

/** The backup in `text`, or the first problem that keeps it from being one. */
export function parseLooksBackup(text: string): BackupReadResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let doc: Json
  try {
    doc = JSON.parse(body)
  } catch {
    const syntax = findJsonSyntaxProblem(body)
    const where = syntax
      ? `line ${syntax.line}, column ${syntax.column}: ${syntax.message}`
      : 'it cannot be read'
    return { ok: false, problem: `The file is not valid JSON: ${where}.` }
  }
  try {
    return { ok: true, backup: readDocument(doc) }
  } catch (e) {
    if (e instanceof Problem) return { ok: false, problem: e.message }
    throw e
  }
}

/** A chosen or dropped file: size and encoding first, then its content. */
export async function readLooksBackupFile(file: Blob): Promise<BackupReadResult> {
  if (file.size === 0) return { ok: false, problem: 'The file is empty.' }
  if (file.size > MAX_BACKUP_BYTES)
    return {
      ok: false,
      problem: `The file is ${(file.size / 1024 / 1024).toFixed(0)} MB, more than a looks backup can be (50 MB).`,
    }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer())
  } catch {
    return { ok: false, problem: 'The file is not text (it is not UTF-8), so it is not a looks backup.' }
  }
  return parseLooksBackup(text)
}
