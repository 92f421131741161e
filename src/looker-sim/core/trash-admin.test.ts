// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createLookerSim, type LookerSim } from './sim'

async function call(sim: LookerSim, userId: string, method: string, path: string, body?: unknown) {
  const response = await sim.handle(
    new Request(`http://sim.test/api/4.0${path}`, {
      method,
      headers: { Authorization: `Bearer ${sim.issueToken(userId)}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  )
  const text = await response.text()
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined }
}

type Role = { id: string; name: string; permission_set: { all_access: boolean; permissions: string[] } }

describe('user_roles (how the app tells an admin)', () => {
  it("the admin's roles include a permission set with all_access", async () => {
    const sim = createLookerSim({ lookCount: 20 })
    const { status, body } = await call(sim, '1', 'GET', '/users/1/roles')
    expect(status).toBe(200)
    const roles = body as Role[]
    expect(roles.map((r) => r.name)).toEqual(['Admin'])
    expect(roles[0]?.permission_set.all_access).toBe(true)
  })

  it('an analyst may read their own roles, none of which grants all_access or administer', async () => {
    const sim = createLookerSim({ lookCount: 20 })
    const { status, body } = await call(
      sim,
      '2',
      'GET',
      '/users/2/roles?fields=id,name,permission_set(all_access,permissions)',
    )
    expect(status).toBe(200)
    const roles = body as Role[]
    expect(roles.length).toBeGreaterThan(0)
    expect(
      roles.some((r) => r.permission_set.all_access || r.permission_set.permissions.includes('administer')),
    ).toBe(false)
  })

  it("a non-admin cannot read someone else's roles (404)", async () => {
    const sim = createLookerSim({ lookCount: 20 })
    expect((await call(sim, '2', 'GET', '/users/1/roles')).status).toBe(404)
    expect((await call(sim, '1', 'GET', '/users/999/roles')).status).toBe(404)
  })
})

describe('a trashed look whose folder was deleted', () => {
  function orphanOne(sim: LookerSim) {
    const look = sim.store.data.looks.find(
      (l) => l.deleted && !sim.store.data.folders.some((f) => f.parent_id === l.folder_id),
    )
    if (!look) throw new Error('seed has no trashed look in a leaf folder')
    const folderId = look.folder_id
    // Simulate the folder's deletion (the simulator has no delete_folder): move its other looks away first.
    for (const other of sim.store.data.looks)
      if (other.folder_id === folderId && other.id !== look.id) other.folder_id = '1'
    sim.store.data.folders = sim.store.data.folders.filter((f) => f.id !== folderId)
    sim.store.reindex()
    return { lookId: look.id, folderId }
  }

  it('stays in the admin trash with no folder, and is hidden from everyone else', async () => {
    const sim = createLookerSim({ lookCount: 300 })
    const { lookId } = orphanOne(sim)
    const admin = await call(sim, '1', 'GET', `/looks/search?deleted=true&id=${lookId}&fields=id,folder`)
    expect(admin.body).toEqual([{ id: lookId, folder: null }])
    expect((await call(sim, '2', 'GET', `/looks/${lookId}`)).status).toBe(404)
  })

  it('cannot be restored without a new folder (422 on folder_id), and can be restored into one', async () => {
    const sim = createLookerSim({ lookCount: 300 })
    const { lookId } = orphanOne(sim)
    const refused = await call(sim, '1', 'PATCH', `/looks/${lookId}`, { deleted: false })
    expect(refused.status).toBe(422)
    expect(refused.body).toMatchObject({ errors: [{ field: 'folder_id', code: 'not_found' }] })
    expect(sim.store.look(lookId)?.deleted).toBe(true)

    const restored = await call(sim, '1', 'PATCH', `/looks/${lookId}`, { deleted: false, folder_id: '1' })
    expect(restored.status).toBe(200)
    expect(sim.store.look(lookId)).toMatchObject({ deleted: false, folder_id: '1', deleter_id: null })
  })

  it('can be deleted permanently by an admin', async () => {
    const sim = createLookerSim({ lookCount: 300 })
    const { lookId } = orphanOne(sim)
    expect((await call(sim, '1', 'DELETE', `/looks/${lookId}`)).status).toBe(204)
    expect(sim.store.look(lookId)).toBeUndefined()
  })
})
