import { DAY_MS, iso, REFERENCE_DATE_MS, SHARED_ROOT_ID, USERS_ROOT_ID } from '../constants'
import type { Random } from '../random'
import type { FolderRecord, RoleName, UserRecord } from '../types'
import { SHARED_ROOT_ACCESS, SHARED_TREE, type FolderSpec } from './folder-tree'
import { DEMO_USERS, FIRST_NAMES, GENERATED_USER_COUNT, GROUP_IDS, LAST_NAMES, ROLE_IDS } from './people'

export interface SeededOrg {
  users: UserRecord[]
  folders: FolderRecord[]
  /** Explores that fit each Shared folder (inherited from the nearest ancestor that names some). */
  exploresByFolder: Map<string, string[]>
}

export interface Sequence {
  next(): string
}

const asciiSlug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase()

export function seedUsersAndFolders(rng: Random, contentMetadata: Sequence): SeededOrg {
  const people = pickPeople(rng)
  let nextFolderId = 1
  const folderIds: Sequence = { next: () => String(nextFolderId++) }
  const folders: FolderRecord[] = []
  const exploresByFolder = new Map<string, string[]>()
  const orgStart = REFERENCE_DATE_MS - 3 * 365 * DAY_MS

  const addFolder = (fields: Partial<FolderRecord> & Pick<FolderRecord, 'name' | 'parent_id'>) => {
    const folder: FolderRecord = {
      id: folderIds.next(),
      creator_id: '1',
      content_metadata_id: contentMetadata.next(),
      created_at: iso(orgStart + rng.int(0, 120) * DAY_MS),
      is_shared_root: false,
      is_users_root: false,
      is_personal: false,
      is_personal_descendant: false,
      personal_owner_id: null,
      access: null,
      ...fields,
    }
    folders.push(folder)
    return folder
  }

  const shared = addFolder({
    name: 'Shared',
    parent_id: null,
    is_shared_root: true,
    access: SHARED_ROOT_ACCESS,
  })
  const usersRoot = addFolder({ name: 'Users', parent_id: null, is_users_root: true })
  if (shared.id !== SHARED_ROOT_ID || usersRoot.id !== USERS_ROOT_ID) throw new Error('root folder ids moved')

  const addTree = (specs: FolderSpec[], parentId: string, inheritedExplores: string[]) => {
    for (const spec of specs) {
      const folder = addFolder({ name: spec.name, parent_id: parentId, access: spec.access ?? null })
      const explores = spec.explores ?? inheritedExplores
      exploresByFolder.set(folder.id, explores)
      addTree(spec.children ?? [], folder.id, explores)
    }
  }
  addTree(SHARED_TREE, shared.id, ['order_items', 'sessions', 'ledger', 'events'])

  const users = people.map((person, index): UserRecord => {
    const id = String(index + 1)
    const personal = addFolder({
      name: `${person.first} ${person.last}`,
      parent_id: usersRoot.id,
      creator_id: id,
      is_personal: true,
      personal_owner_id: id,
    })
    return {
      id,
      first_name: person.first,
      last_name: person.last,
      email: `${asciiSlug(person.first)}.${asciiSlug(person.last)}@lookbook.example`,
      role: person.role,
      role_ids: ROLE_IDS[person.role],
      group_ids: GROUP_IDS[person.role],
      personal_folder_id: personal.id,
      home_folder_id: personal.id,
      is_disabled: false,
      locale: rng.pick(['en', 'en', 'en', 'en-GB', 'de', 'fr', 'ja']),
      created_at: iso(orgStart + rng.int(0, 500) * DAY_MS),
    }
  })
  // Demo users start in Shared so the app opens on shared content.
  for (const user of users.slice(0, 3)) user.home_folder_id = shared.id

  return { users, folders, exploresByFolder }
}

function pickPeople(rng: Random): { first: string; last: string; role: RoleName }[] {
  const firsts = rng.sample(FIRST_NAMES, GENERATED_USER_COUNT)
  const lasts = rng.sample(LAST_NAMES, GENERATED_USER_COUNT)
  const generated = firsts.map((first, i) => {
    const role: RoleName = i % 3 === 0 ? 'viewer' : 'analyst'
    return { first, last: lasts[i] ?? 'Smith', role }
  })
  return [...DEMO_USERS, ...generated]
}
