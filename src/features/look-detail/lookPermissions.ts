import type { ILookWithQuery } from '@looker/sdk/lib/4.0/models'

export type LookAction = 'edit' | 'copy' | 'move' | 'delete'

/** Whether an action is offered, and if it is shown but not allowed, why (for the tooltip). */
export interface ActionGate {
  hidden: boolean
  reason: string | null
}

const CAN_KEY: Record<LookAction, string> = { edit: 'update', copy: 'copy', move: 'move', delete: 'destroy' }

// Looker needs both: edit access to the folder and a role with save_content (its Viewer role has none).
const NEEDS = 'edit access to its folder and a role that may save content'
const NOT_ALLOWED: Record<LookAction, string> = {
  edit: `You can view this look but not edit it: editing needs ${NEEDS}.`,
  copy: 'You are not allowed to copy this look.',
  move: `You cannot move this look: moving needs ${NEEDS}.`,
  delete: `You cannot delete this look: deleting needs ${NEEDS}.`,
}

/**
 * Gates from the look's `can` map (a missing key means "not allowed"). A look in the trash is read-only
 * until restored, and while the edit form is open the other actions wait for Save or Cancel.
 */
export function lookActionGates(look: ILookWithQuery, editing: boolean): Record<LookAction, ActionGate> {
  const gate = (action: LookAction): ActionGate => {
    if (look.deleted) {
      return { hidden: action === 'delete', reason: 'This look is in the trash: restore it first.' }
    }
    if (look.can?.[CAN_KEY[action]] !== true) return { hidden: false, reason: NOT_ALLOWED[action] }
    if (editing) return { hidden: false, reason: 'Save or cancel your changes first.' }
    return { hidden: false, reason: null }
  }
  return { edit: gate('edit'), copy: gate('copy'), move: gate('move'), delete: gate('delete') }
}

/** Restoring from the trash: `can.recover` (admins, and in the simulator the deleter for a while). */
export function canRestore(look: ILookWithQuery): boolean {
  return look.deleted === true && look.can?.recover === true
}
