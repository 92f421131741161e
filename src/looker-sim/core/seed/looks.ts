import { DAY_MS, iso, REFERENCE_DATE_MS } from '../constants'
import type { Random } from '../random'
import type { FolderRecord, LookRecord, QueryRecord, UserRecord } from '../types'
import { buildQuery, exploreDef, pickShape, type QueryShape } from './queries'
import { SPECIAL_LOOKS, type SpecialLook } from './special-looks'
import type { Sequence } from './users-folders'
import { DESCRIPTION_LEADS, DESCRIPTION_TAILS, EXPLORES, TITLE_PREFIXES, TITLE_SUFFIXES } from './vocab'

export interface LookSeedInput {
  rng: Random
  lookCount: number
  users: UserRecord[]
  folders: FolderRecord[]
  exploresByFolder: Map<string, string[]>
  ids: { look: Sequence; query: Sequence; contentMetadata: Sequence }
}

const SLUG_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const SPAN_MS = 730 * DAY_MS

export function seedLooks(input: LookSeedInput): { looks: LookRecord[]; queries: QueryRecord[] } {
  const { rng, lookCount, users, folders } = input
  const looks: LookRecord[] = []
  const queries: QueryRecord[] = []
  const titlesByFolder = new Map<string, Set<string>>()
  const folderByPath = pathIndex(folders)
  const usersById = new Map(users.map((u) => [u.id, u]))

  const add = (
    folderId: string,
    ownerId: string,
    title: string,
    description: string | null,
    shape: QueryShape,
  ) => {
    const query = buildQuery(rng, input.ids.query.next(), shape)
    queries.push(query)
    const look = lookRecord(rng, input.ids.look.next(), input.ids.contentMetadata.next(), query.id)
    Object.assign(look, {
      folder_id: folderId,
      user_id: ownerId,
      last_updater_id: ownerId,
      title,
      description,
    })
    takeTitle(titlesByFolder, folderId, title)
    looks.push(look)
    return look
  }

  for (const special of SPECIAL_LOOKS.slice(0, lookCount)) {
    const folder = resolveSpecialFolder(special, folderByPath, usersById)
    const owner = usersById.get(special.ownerId)
    const title =
      typeof special.title === 'string' ? special.title : special.title(owner?.first_name ?? 'Someone')
    const shape = pickShape(rng, exploreDef(special.explore), special.visType)
    const look = add(folder.id, special.ownerId, title, special.description, shape)
    look.is_run_on_load = true
    if (special.public) makePublic(rng, look)
  }

  const placements = folderWeights(folders)
  while (looks.length < lookCount) {
    const folder = rng.weighted(placements)
    const explores = input.exploresByFolder.get(folder.id) ?? EXPLORES.map((e) => e.explore)
    const shape = pickShape(rng, exploreDef(rng.pick(explores)))
    const title = uniqueTitle(rng, titlesByFolder, folder.id, shape)
    const ownerId = folder.personal_owner_id ?? pickOwner(rng, users)
    const look = add(folder.id, ownerId, title, describe(rng, shape), shape)
    if (rng.chance(0.03)) makePublic(rng, look)
  }

  softDeleteSome(rng, looks, users)
  return { looks, queries }
}

function lookRecord(rng: Random, id: string, contentMetadataId: string, queryId: string): LookRecord {
  const created = REFERENCE_DATE_MS - rng.int(DAY_MS, SPAN_MS)
  const updated = created + Math.floor(rng.next() * (REFERENCE_DATE_MS - created))
  const viewed = rng.chance(0.9) ? updated + Math.floor(rng.next() * (REFERENCE_DATE_MS - updated)) : null
  const accessed =
    viewed === null ? null : viewed + Math.floor(rng.next() * (REFERENCE_DATE_MS - viewed) * 0.2)
  return {
    id,
    title: '',
    description: null,
    folder_id: '',
    user_id: '',
    query_id: queryId,
    content_metadata_id: contentMetadataId,
    created_at: iso(created),
    updated_at: iso(updated),
    last_updater_id: '',
    last_viewed_at: viewed === null ? null : iso(viewed),
    last_accessed_at: accessed === null ? null : iso(accessed),
    view_count: viewed === null ? 0 : Math.floor(Math.exp(rng.next() * 7)),
    favorite_count: 0,
    deleted: false,
    deleted_at: null,
    deleter_id: null,
    public: false,
    public_slug: null,
    short_url_slug: rng.string(10, SLUG_ALPHABET),
    is_run_on_load: rng.chance(0.3),
  }
}

function makePublic(rng: Random, look: LookRecord) {
  look.public = true
  look.public_slug = rng.string(32, SLUG_ALPHABET)
}

/** About 8% of looks are in the trash, chosen among generated looks (specials say so themselves). */
function softDeleteSome(rng: Random, looks: LookRecord[], users: UserRecord[]) {
  const target = Math.round(looks.length * 0.08)
  const specialsCount = Math.min(SPECIAL_LOOKS.length, looks.length)
  const specialDeleted = SPECIAL_LOOKS.slice(0, specialsCount).flatMap((s, i) =>
    s.deletedBy && looks[i] ? [[looks[i], s.deletedBy] as const] : [],
  )
  const candidates = rng.sample(looks.slice(specialsCount), Math.max(0, target - specialDeleted.length))
  const admins = users.filter((u) => u.role === 'admin')
  const chosen = [
    ...specialDeleted,
    ...candidates.map((look) => [look, rng.chance(0.6) ? look.user_id : rng.pick(admins).id] as const),
  ]
  for (const [look, deleterId] of chosen) {
    const updated = Date.parse(look.updated_at)
    look.deleted = true
    look.deleted_at = iso(updated + Math.floor(rng.next() * (REFERENCE_DATE_MS - updated)))
    look.deleter_id = deleterId
  }
}

function folderWeights(folders: FolderRecord[]): [FolderRecord, number][] {
  const hasChildren = new Set(folders.map((f) => f.parent_id))
  return folders
    .filter((f) => !f.is_users_root)
    .map((f): [FolderRecord, number] => {
      if (f.is_shared_root) return [f, 0.3]
      if (f.is_personal) return [f, 0.25]
      return [f, hasChildren.has(f.id) ? 0.8 : 1.2]
    })
}

function pickOwner(rng: Random, users: UserRecord[]): string {
  return rng.weighted(
    users.map((u) => [u.id, u.role === 'viewer' ? 0.2 : u.role === 'admin' ? 1.5 : 1] as const),
  )
}

function uniqueTitle(
  rng: Random,
  titlesByFolder: Map<string, Set<string>>,
  folderId: string,
  shape: QueryShape,
) {
  const taken = titlesByFolder.get(folderId)
  let title = ''
  for (let attempt = 0; attempt < 12; attempt++) {
    title = baseTitle(rng, shape)
    if (!taken?.has(title.toLowerCase())) return title
  }
  // Rare with the default look count; large seeds fall back to a numbered title at a random start.
  for (let n = rng.int(2, 999); ; n++) {
    const numbered = `${title} #${n}`
    if (!taken?.has(numbered.toLowerCase())) return numbered
  }
}

function baseTitle(rng: Random, { measure, dimension }: QueryShape): string {
  const prefix = rng.pick(TITLE_PREFIXES)
  const suffix = rng.pick(TITLE_SUFFIXES)
  if (!dimension)
    return `${prefix}${measure.label}${suffix || rng.pick([' this quarter', ' MTD', ' YTD', ' today'])}`
  return `${prefix}${measure.label} by ${dimension.label}${suffix}`
}

function describe(rng: Random, { measure, dimension, explore }: QueryShape): string | null {
  if (rng.chance(0.2)) return null
  const what = dimension ? `${measure.label} by ${dimension.label.toLowerCase()}` : measure.label
  const period = rng.pick([
    'over the last quarter',
    'for the current year',
    'week over week',
    'since launch',
    '',
  ])
  const lead = `${rng.pick(DESCRIPTION_LEADS)} ${what}${period ? ` ${period}` : ''}.`
  const tail = rng.pick(DESCRIPTION_TAILS)
  const source = rng.chance(0.3) ? ` Source: ${explore.model}::${explore.explore}.` : ''
  return `${lead}${tail ? ` ${tail}` : ''}${source}`
}

function takeTitle(titlesByFolder: Map<string, Set<string>>, folderId: string, title: string) {
  let set = titlesByFolder.get(folderId)
  if (!set) titlesByFolder.set(folderId, (set = new Set()))
  set.add(title.toLowerCase())
}

function pathIndex(folders: FolderRecord[]): Map<string, FolderRecord> {
  const byId = new Map(folders.map((f) => [f.id, f]))
  const pathOf = (f: FolderRecord): string => {
    const parent = f.parent_id === null ? undefined : byId.get(f.parent_id)
    return parent ? `${pathOf(parent)}/${f.name}` : f.name
  }
  return new Map(folders.map((f) => [pathOf(f), f]))
}

function resolveSpecialFolder(
  special: SpecialLook,
  folderByPath: Map<string, FolderRecord>,
  usersById: Map<string, UserRecord>,
): FolderRecord {
  const personalOf = special.folder.startsWith('personal:') ? special.folder.slice('personal:'.length) : null
  const path = personalOf ? undefined : special.folder
  const folder = personalOf
    ? [...folderByPath.values()].find((f) => f.id === usersById.get(personalOf)?.personal_folder_id)
    : folderByPath.get(path ?? '')
  if (!folder) throw new Error(`Seed folder ${special.folder} not found`)
  return folder
}
