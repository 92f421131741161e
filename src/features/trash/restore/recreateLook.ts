import { lookWrites } from '../../../api/lookWrites'
import type { BackupLook } from '../../../api/lookBackupFormat'
import { hasStatus } from '../../../lib/errors'
import type { LookAction } from '../lookActions'
import type { RecreateStep } from './recreatePlan'

export type ReadyStep = Extract<RecreateStep, { kind: 'ready' }>

/**
 * Re-creates one look of the backup as planned: create_query with its saved definition, then create_look
 * with its title, description and folder (api/lookWrites.ts `create`). A 429 on either request is safe to
 * repeat (nothing was made). After an attempt whose answer was lost, a 409 ("title taken in the folder")
 * means that attempt made the look: it is reported as made, not made again.
 */
export function recreateLooks(plan: ReadonlyMap<string, { look: BackupLook; step: ReadyStep }>): LookAction {
  return async (selected, { write, ambiguous }) => {
    const row = plan.get(selected.id)
    if (!row) throw new Error('It is not in the list that was confirmed, so it was not re-created.')
    const { look, step } = row
    const where = `in “${step.folder.name}”${step.renamed ? ` as “${step.title}”` : ''}`
    try {
      const created = await write(lookWrites.create, {
        query: look.query,
        look: {
          title: step.title,
          description: look.description ?? undefined,
          folder_id: step.folder.id,
          is_run_on_load: look.is_run_on_load,
        },
      })
      return { note: `${where}, look ${String(created.id)}` }
    } catch (e) {
      if (ambiguous && hasStatus(e, 409))
        return { note: `${where}; an earlier attempt that lost its answer had made it` }
      throw e
    }
  }
}
