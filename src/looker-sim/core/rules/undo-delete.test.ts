// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { UNDO_DELETE_WINDOW_MS } from '../can'
import { ManualClock } from '../clock'
import { createLookerSim } from '../sim'

const ANALYST = '2'
const VIEWER = '3'

function setup() {
  const clock = new ManualClock()
  const sim = createLookerSim({ clock })
  const call = async (userId: string, method: string, path: string, body?: unknown) => {
    const response = await sim.handle(
      new Request(`http://sim.test/api/4.0${path}`, {
        method,
        headers: { Authorization: `Bearer ${sim.issueToken(userId)}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
    const text = await response.text()
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null }
  }
  // A live look the analyst may edit (Sales is theirs to edit).
  const look = sim.store.data.looks.find((l) => {
    if (l.deleted) return false
    return sim.store.viewer(ANALYST).access.get(l.folder_id) === 'edit' && l.user_id !== ANALYST
  })
  if (!look) throw new Error('seed has no look the analyst can edit')
  return { sim, clock, call, lookId: look.id }
}

describe('undoing a soft delete', () => {
  it('the analyst who soft-deleted a look can see and restore it within the undo window', async () => {
    const { call, clock, lookId } = setup()
    expect((await call(ANALYST, 'PATCH', `/looks/${lookId}`, { deleted: true })).status).toBe(200)
    clock.advance(60_000)
    const seen = await call(ANALYST, 'GET', `/looks/${lookId}`)
    expect(seen.status).toBe(200)
    expect(seen.body).toMatchObject({ deleted: true, deleter_id: ANALYST, can: { recover: true } })
    const restored = await call(ANALYST, 'PATCH', `/looks/${lookId}`, { deleted: false })
    expect(restored.status).toBe(200)
    expect(restored.body).toMatchObject({ deleted: false, deleted_at: null, deleter_id: null })
  })

  it('after the undo window only an admin may restore; the deleter no longer sees the look', async () => {
    const { call, clock, lookId } = setup()
    await call(ANALYST, 'PATCH', `/looks/${lookId}`, { deleted: true })
    clock.advance(UNDO_DELETE_WINDOW_MS + 1000)
    expect((await call(ANALYST, 'GET', `/looks/${lookId}`)).status).toBe(404)
    const refused = await call(ANALYST, 'PATCH', `/looks/${lookId}`, { deleted: false })
    expect(refused.status).toBe(403)
    expect(refused.body?.message).toMatch(/Only an admin can restore/)
    expect((await call('1', 'PATCH', `/looks/${lookId}`, { deleted: false })).status).toBe(200)
  })

  it('someone else cannot undo the delete, and the deleter may only restore, not edit, in the trash', async () => {
    const { call, lookId } = setup()
    await call('1', 'PATCH', `/looks/${lookId}`, { deleted: true })
    // The admin deleted it: the analyst gets no grace period for someone else's delete.
    expect((await call(ANALYST, 'GET', `/looks/${lookId}`)).status).toBe(404)
    expect((await call(ANALYST, 'PATCH', `/looks/${lookId}`, { deleted: false })).status).toBe(403)
    expect((await call(VIEWER, 'PATCH', `/looks/${lookId}`, { deleted: false })).status).toBe(403)
    await call('1', 'PATCH', `/looks/${lookId}`, { deleted: false })
    await call(ANALYST, 'PATCH', `/looks/${lookId}`, { deleted: true })
    expect((await call(ANALYST, 'PATCH', `/looks/${lookId}`, { title: 'Renamed in the trash' })).status).toBe(
      403,
    )
  })
})
