import { describe, expect, it } from 'vitest'
import type { BackupLook } from '../../../api/lookBackupFormat'
import type { CreateVars } from '../../../api/lookWrites'
import { LookerApiError } from '../../../lib/errors'
import type { LookActionContext } from '../lookActions'
import { recreateLooks, type ReadyStep } from './recreateLook'

const look = {
  id: '7',
  title: 'Revenue',
  description: 'For the board',
  is_run_on_load: true,
  query: { model: 'm', view: 'v', fields: ['v.x'] },
} as BackupLook
const step: ReadyStep = {
  kind: 'ready',
  folder: { id: '4', name: 'Sales' },
  movedFrom: null,
  title: 'Revenue (restored)',
  renamed: true,
}
const selected = { id: '7', title: 'Revenue', folderId: '4', folderName: 'Sales' }
const taken = new LookerApiError({ status: 409, kind: 'http', message: 'Resource Already Exists' })

function context(ambiguous: boolean, write: (vars: CreateVars) => Promise<unknown>): LookActionContext {
  return {
    ambiguous,
    write: ((_op: unknown, vars: CreateVars) => write(vars)) as LookActionContext['write'],
  }
}

describe('recreateLooks', () => {
  it('makes the look from its saved query with the planned title, folder, description and run on load', async () => {
    const sent: CreateVars[] = []
    const action = recreateLooks(new Map([['7', { look, step }]]))
    const result = await action(
      selected,
      context(false, (vars) => (sent.push(vars), Promise.resolve({ id: '901' }))),
    )
    expect(sent).toEqual([
      {
        query: look.query,
        look: {
          title: 'Revenue (restored)',
          description: 'For the board',
          folder_id: '4',
          is_run_on_load: true,
        },
      },
    ])
    expect(result).toEqual({ note: 'in “Sales” as “Revenue (restored)”, look 901' })
  })

  it('after an attempt whose answer was lost, a 409 means that attempt made it; on a first attempt it is a failure', async () => {
    const action = recreateLooks(new Map([['7', { look, step }]]))
    await expect(
      action(
        selected,
        context(true, () => Promise.reject(taken)),
      ),
    ).resolves.toEqual({
      note: 'in “Sales” as “Revenue (restored)”; an earlier attempt that lost its answer had made it',
    })
    await expect(
      action(
        selected,
        context(false, () => Promise.reject(taken)),
      ),
    ).rejects.toBe(taken)
  })

  it('a look that was not in the confirmed plan is never made', async () => {
    const action = recreateLooks(new Map())
    let called = false
    await expect(
      action(
        selected,
        context(false, () => ((called = true), Promise.resolve({ id: '1' }))),
      ),
    ).rejects.toThrow('not in the list that was confirmed')
    expect(called).toBe(false)
  })
})
