import type { ILookmlModelExplore, ILookWithQuery } from '@looker/sdk/lib/4.0/models'
import { describe, expect, it } from 'vitest'
import type { QueryVariant } from '../../api/queryVariants'
import { variantGates } from './gates'

const look = (can: Record<string, boolean>, extra: Partial<ILookWithQuery> = {}): ILookWithQuery => ({
  id: '5',
  title: 'Board view',
  query: { model: 'finance', view: 'ledger', can: {} },
  can,
  ...extra,
})
const explore = (canSave: boolean): ILookmlModelExplore => ({ name: 'ledger', can_save: canSave })
const variant = (status: QueryVariant['status']): QueryVariant => ({
  queryId: status === 'ready' ? '321' : null,
  label: 'Ledger Region is EMEA',
  title: 'Board view (Region EMEA)',
  limit: null,
  status,
  blockedReason: status === 'ready' ? null : 'Preparing the adjusted variant…',
})

describe('what the Adjust panel offers', () => {
  it('offers Save as and Apply only for a variant, and only when the can maps allow', () => {
    const editor = look({ explore: true, update: true, download: true })
    expect(variantGates(editor, explore(true), null)).toMatchObject({
      adjust: { offered: true, reason: null },
      saveAs: { offered: false },
      apply: { offered: false },
      download: { offered: true, reason: null },
    })
    expect(variantGates(editor, explore(true), variant('ready'))).toMatchObject({
      saveAs: { offered: true, reason: null },
      apply: { offered: true, reason: null },
    })
  })

  it('says why when an action is not possible: a missing can key means not allowed', () => {
    const viewer = look({})
    const gates = variantGates(viewer, explore(false), variant('ready'))
    expect(gates.adjust.reason).toMatch(/explore permission/)
    expect(gates.saveAs.reason).toMatch(/may save content/)
    expect(gates.apply.reason).toMatch(/^You cannot change this look/)
    expect(gates.download.reason).toBe('You are not allowed to download this look’s results.')
  })

  it('waits for the variant’s query and refuses everything on a look in the trash', () => {
    const editor = look({ explore: true, update: true, download: true })
    expect(variantGates(editor, explore(true), variant('preparing')).apply.reason).toBe(
      'Preparing the adjusted variant…',
    )
    const trashed = look({ explore: true, update: true, download: true }, { deleted: true })
    const gates = variantGates(trashed, explore(true), null)
    expect(gates.adjust.reason).toMatch(/in the trash/)
    expect(gates.download.reason).toMatch(/in the trash/)
  })
})
