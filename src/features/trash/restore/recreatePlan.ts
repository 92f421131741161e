import type { BackupLook } from '../../../api/lookBackupFormat'
import { titleKey, type TargetFolder } from '../../../api/backupTargets'

/** Looker's limit on a look's title. */
const MAX_TITLE_LENGTH = 255

/**
 * "Revenue" → "Revenue (restored)" → "Revenue (restored 2)" …: the first that is free in `taken`, kept
 * within Looker's title length by shortening the original, never the suffix.
 */
export function proposeTitle(title: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (restored)' : ` (restored ${n})`
    const candidate = `${title.trim().slice(0, MAX_TITLE_LENGTH - suffix.length)}${suffix}`
    if (!taken.has(titleKey(candidate))) return candidate
  }
}

/** One answer the plan waits for: not yet known, failed to be read, or known. */
export type Known<T> =
  { state: 'pending' } | { state: 'failed'; error: unknown } | { state: 'done'; value: T }

export interface ChosenFolder {
  id: string
  name: string
}

/** What will happen to one look of the backup, as the list shows it. */
export type RecreateStep =
  | { kind: 'checking' }
  | { kind: 'check-failed'; error: unknown }
  /** Its folder is gone (or takes no new looks) and no other folder was chosen. */
  | { kind: 'needs-folder'; why: 'gone' | 'read-only' }
  | {
      kind: 'ready'
      folder: ChosenFolder
      /** True when it goes into the folder chosen for looks whose own folder is gone. */
      movedFrom: 'gone' | 'read-only' | null
      title: string
      /** The backup's title is taken in that folder (or by a look re-created before it in this list). */
      renamed: boolean
    }

export interface RecreateRow {
  look: BackupLook
  step: RecreateStep
}

export interface PlanInputs {
  looks: readonly BackupLook[]
  selected: ReadonlySet<string>
  /** Where looks whose folder is gone go, once the admin picked it. */
  chosen: ChosenFolder | null
  folder: (id: string) => Known<TargetFolder>
  titles: (folderId: string) => Known<ReadonlySet<string>>
}

/** The folder a look goes into, or why it has none yet. */
function targetOf(
  look: BackupLook,
  inputs: PlanInputs,
): RecreateStep | { folder: ChosenFolder; movedFrom: 'gone' | 'read-only' | null } {
  const id = look.folder.id
  let why: 'gone' | 'read-only' = 'gone'
  if (id !== null) {
    const known = inputs.folder(id)
    if (known.state === 'pending') return { kind: 'checking' }
    if (known.state === 'failed') return { kind: 'check-failed', error: known.error }
    if (known.value.exists && known.value.canAddLooks)
      return { folder: { id, name: known.value.name }, movedFrom: null }
    if (known.value.exists) why = 'read-only'
  }
  return inputs.chosen ? { folder: inputs.chosen, movedFrom: why } : { kind: 'needs-folder', why }
}

/**
 * Each look's fate, in the backup's order. Titles are claimed in that order by the selected looks, so two
 * looks of the backup going into one folder never get the same title either.
 */
export function planRecreate(inputs: PlanInputs): RecreateRow[] {
  const claimed = new Map<string, Set<string>>()
  return inputs.looks.map((look) => {
    const target = targetOf(look, inputs)
    if ('kind' in target) return { look, step: target }
    const titles = inputs.titles(target.folder.id)
    if (titles.state === 'pending') return { look, step: { kind: 'checking' } }
    if (titles.state === 'failed') return { look, step: { kind: 'check-failed', error: titles.error } }
    let mine = claimed.get(target.folder.id)
    if (!mine) claimed.set(target.folder.id, (mine = new Set()))
    const taken = new Set([...titles.value, ...mine])
    const renamed = taken.has(titleKey(look.title))
    const title = renamed ? proposeTitle(look.title, taken) : look.title
    if (inputs.selected.has(look.id)) mine.add(titleKey(title))
    return { look, step: { kind: 'ready', ...target, title, renamed } }
  })
}
