import type { ILook } from '@looker/sdk/lib/4.0/models'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { http, HttpResponse } from 'msw'
import { aLook } from '../test/builders'
import { server, sim, TEST_API } from '../test/server'
import { TRASH_FIELDS } from './lookLists'
import { lookKeys, type LookPage, type LookSearch } from './looks'
import { FolderMissingError, lookWrites, runLookWrite, TouchedKeys } from './lookWrites'

const TRASH: LookSearch = { deleted: true, sorts: 'id', limit: 100, offset: 0 }
const LIVE: LookSearch = { deleted: false, sorts: 'id', limit: 100, offset: 0 }

function clientWith(pages: [LookSearch, string | undefined, ILook[]][]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } })
  for (const [search, fields, looks] of pages) {
    client.setQueryData<LookPage>(lookKeys.search(search, fields), { looks, total: looks.length })
  }
  return client
}

const trashed = () => [aLook({ trashedBy: { user: 'admin' } }), aLook({ trashedBy: { user: 'admin' } })]
const idsIn = (client: QueryClient, search: LookSearch, fields?: string) =>
  client.getQueryData<LookPage>(lookKeys.search(search, fields))?.looks.map((l) => l.id ?? '')

describe('the look write path', () => {
  it('an optimistic restore leaves cached trash lists at once and comes back when the server refuses', async () => {
    const [look] = trashed()
    const client = clientWith([[TRASH, TRASH_FIELDS, [{ id: look!.id }, { id: 'other' }]]])
    let whileSending: string[] | undefined
    server.use(
      http.patch(`${TEST_API}/looks/:id`, () => {
        whileSending = idsIn(client, TRASH, TRASH_FIELDS)
        return HttpResponse.json({ message: 'Down for maintenance' }, { status: 503 })
      }),
    )
    const run = runLookWrite(client, lookWrites.restore, { lookId: look!.id }, { optimistic: true })
    await expect(run).rejects.toMatchObject({ status: 503 })
    expect(whileSending).toEqual(['other'])
    expect(idsIn(client, TRASH, TRASH_FIELDS)).toEqual([look!.id, 'other'])
  })

  it('in a bulk run each look leaves the lists once the server agreed, and lists are read back once, at the end', async () => {
    const [a, b] = trashed()
    const client = clientWith([
      [TRASH, TRASH_FIELDS, [{ id: a!.id }, { id: b!.id }]],
      [LIVE, undefined, []],
    ])
    const touched = new TouchedKeys()
    await runLookWrite(client, lookWrites.restore, { lookId: a!.id }, { deferTo: touched })
    await runLookWrite(client, lookWrites.restore, { lookId: b!.id }, { deferTo: touched })
    expect(idsIn(client, TRASH, TRASH_FIELDS)).toEqual([])
    expect(client.getQueryState(lookKeys.search(LIVE))?.isInvalidated).toBe(false)
    await touched.invalidate(client)
    expect(client.getQueryState(lookKeys.search(LIVE))?.isInvalidated).toBe(true)
    expect(sim.store.look(a!.id)?.deleted).toBe(false)
    expect(sim.store.look(b!.id)?.deleted).toBe(false)
  })

  it('a restore refused because the folder is gone says so, for one look as for many', async () => {
    const [look] = trashed()
    const gone = sim.store.folder(look!.folder_id)!
    sim.store.data.folders = sim.store.data.folders.filter((f) => f.id !== gone.id)
    sim.store.reindex()
    const client = clientWith([])
    const error: unknown = await runLookWrite(client, lookWrites.restore, {
      lookId: look!.id,
      folderId: gone.id,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FolderMissingError)
  })
})

describe('creating looks and swapping their query', () => {
  it('create makes the query first when given a definition, then the look, and caches the new look', async () => {
    const source = aLook()
    const client = clientWith([])
    const definition = { ...sim.store.data.queries.find((q) => q.id === source.query_id)!, limit: '7' }
    const { model, view, fields, filters, sorts, limit } = definition
    const created = await runLookWrite(client, lookWrites.create, {
      query: { model, view, fields, filters, sorts, limit },
      look: { title: 'Seven', folder_id: source.folder_id },
    })
    expect(created.query_id).not.toBe(source.query_id)
    expect(sim.store.data.queries.find((q) => q.id === created.query_id)?.limit).toBe('7')
    expect(client.getQueryData(lookKeys.detail(created.id!))).toMatchObject({ title: 'Seven' })
  })

  it('setQuery points a look at another query, and back (Undo)', async () => {
    const look = aLook()
    const other = aLook().query_id
    const client = clientWith([])
    await runLookWrite(client, lookWrites.setQuery, { lookId: look.id, queryId: other })
    expect(sim.store.data.looks.find((l) => l.id === look.id)?.query_id).toBe(other)
    await runLookWrite(client, lookWrites.setQuery, { lookId: look.id, queryId: look.query_id })
    expect(sim.store.data.looks.find((l) => l.id === look.id)?.query_id).toBe(look.query_id)
  })
})
