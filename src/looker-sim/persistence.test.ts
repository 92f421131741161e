// @vitest-environment node
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createLookerSim } from './core/sim'
import { clientFor } from './core/test-client'
import { idbSnapshotStorage, persistOnChange, snapshotKey } from './persistence'

describe('demo data persistence', () => {
  it('saves a snapshot after changes and a new simulator starts from it', async () => {
    const storage = await idbSnapshotStorage('persistence-test-1')
    const key = snapshotKey(42, 40)
    const sim = createLookerSim({ lookCount: 40 })
    const persistence = persistOnChange(sim, storage, key)
    await clientFor(sim, 'admin').patch('/looks/3', { title: 'Saved across reloads' })
    await persistence.flush()

    const snapshot = await storage.load(key)
    const reloaded = createLookerSim({ lookCount: 40, snapshot })
    expect(reloaded.store.look('3')?.title).toBe('Saved across reloads')
    persistence.dispose()
  })

  it('keeps created queries and looks across a reload; a reset forgets them', async () => {
    const storage = await idbSnapshotStorage('persistence-test-4')
    const key = snapshotKey(42, 40)
    const sim = createLookerSim({ lookCount: 40 })
    const persistence = persistOnChange(sim, storage, key)
    const analyst = clientFor(sim, 'analyst')
    const query = await analyst.post<{ id: string; slug: string }>('/queries', {
      model: 'ecommerce',
      view: 'order_items',
      fields: ['users.state', 'order_items.count'],
      filters: { 'users.country': 'Germany' },
    })
    const look = await analyst.post<{ id: string }>('/looks', {
      title: 'Orders by state, Germany',
      folder_id: '3',
      query_id: query.body.id,
    })
    expect([query.status, look.status]).toEqual([200, 200])
    await persistence.flush()

    const reloaded = createLookerSim({ lookCount: 40, snapshot: await storage.load(key) })
    expect(reloaded.store.query(query.body.id)?.slug).toBe(query.body.slug)
    expect(reloaded.store.look(look.body.id)?.query_id).toBe(query.body.id)
    // What "Reset demo data" does: forget the stored state and go back to the seed.
    persistence.cancel()
    await storage.clear()
    reloaded.reset()
    expect(reloaded.store.look(look.body.id)).toBeUndefined()
    expect(reloaded.store.query(query.body.id)).toBeUndefined()
    expect(await storage.load(key)).toBeUndefined()
    persistence.dispose()
  })

  it('starts saving at once, and coalesces changes made during a write into one more write', async () => {
    const storage = await idbSnapshotStorage('persistence-test-2')
    let writes = 0
    const counting = {
      ...storage,
      save: (k: string, s: Parameters<typeof storage.save>[1]) => (writes++, storage.save(k, s)),
    }
    const sim = createLookerSim({ lookCount: 40 })
    const persistence = persistOnChange(sim, counting, 'k')
    const admin = clientFor(sim, 'admin')
    await admin.patch('/looks/3', { title: 'a' })
    // No timer: the first write has already begun when the request returns.
    expect(writes).toBe(1)
    await Promise.all(['b', 'c', 'd'].map((title) => admin.patch('/looks/3', { title })))
    await persistence.flush()
    expect(writes).toBeLessThanOrEqual(3)
    expect((await storage.load('k'))?.data.looks.find((l) => l.id === '3')?.title).toBe('d')
    persistence.dispose()
  })

  it('clearing storage forgets the saved state', async () => {
    const storage = await idbSnapshotStorage('persistence-test-3')
    await storage.save('k', createLookerSim({ lookCount: 20 }).snapshot())
    await storage.clear()
    expect(await storage.load('k')).toBeUndefined()
  })
})
