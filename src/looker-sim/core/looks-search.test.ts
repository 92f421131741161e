// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiLook } from './api-types'
import { parseFields, project } from './fields'
import { createLookerSim, type LookerSim } from './sim'
import { clientFor, FOLDERS, LOOKS, type TestClient } from './test-client'

let sim: LookerSim
let admin: TestClient
let analyst: TestClient
let viewer: TestClient

beforeEach(() => {
  sim = createLookerSim()
  admin = clientFor(sim, 'admin')
  analyst = clientFor(sim, 'analyst')
  viewer = clientFor(sim, 'viewer')
})

const search = async (client: TestClient, query: string) => {
  const reply = await client.get<ApiLook[]>(`/looks/search?${query}`)
  expect(reply.status).toBe(200)
  return {
    looks: reply.body,
    ids: reply.body.map((l) => l.id),
    total: Number(reply.headers.get('X-Total-Count')),
  }
}

const live = () => sim.store.data.looks.filter((l) => !l.deleted)

describe('search_looks: string parameters are SQL LIKE, case-insensitive', () => {
  it('a title without wildcards must match exactly (ignoring case)', async () => {
    expect((await search(admin, 'title=UTM_SOURCE%20BREAKDOWN')).ids).toEqual([LOOKS.utmSource])
    expect((await search(admin, 'title=utm_source')).ids).toEqual([])
  })

  it('% matches any run of characters', async () => {
    const { looks } = await search(admin, `title=${encodeURIComponent('conversion%')}`)
    expect(looks.length).toBeGreaterThan(1)
    expect(looks.every((l) => l.title?.toLowerCase().startsWith('conversion'))).toBe(true)
  })

  it('_ matches exactly one character, so "utm_source" also matches "utm-source"', async () => {
    const { ids } = await search(admin, `title=${encodeURIComponent('utm_source%')}`)
    expect(ids).toContain(LOOKS.utmSource)
    const { ids: oneChar } = await search(admin, `title=${encodeURIComponent('utm_source_breakdown')}`)
    expect(oneChar).toEqual([LOOKS.utmSource])
  })

  it('a literal % in a title is found with an escaped wildcard', async () => {
    const { ids } = await search(admin, `title=${encodeURIComponent('%\\%%')}`)
    expect(ids).toEqual(expect.arrayContaining([LOOKS.conversionPct, LOOKS.top10Pct, LOOKS.grossMarginBoard]))
    expect(ids.every((id) => sim.store.look(id)?.title.includes('%'))).toBe(true)
  })

  it('the contains-patterns the app sends find titles with _ and % in them', async () => {
    // `_` is one character and `%` any run, so each typed character still matches itself.
    const withUtm = await search(admin, `title=${encodeURIComponent('%UTM_SOURCE%')}`)
    expect(withUtm.ids).toContain(LOOKS.utmSource)
    expect(withUtm.looks.every((l) => /utm.source/i.test(l.title ?? ''))).toBe(true)
    const withPct = await search(admin, `title=${encodeURIComponent('%Conversion%%%by%')}`)
    expect(withPct.ids).toContain(LOOKS.conversionPct)
  })

  it('description is matched the same way', async () => {
    const { ids } = await search(admin, `description=${encodeURIComponent('%finance\\_sync%')}`)
    expect(ids).toEqual([LOOKS.mrrByPlan])
  })
})

describe('search_looks: ids and numbers', () => {
  it('accepts a comma-separated list of ids (OR)', async () => {
    expect((await search(admin, 'id=1,3,5&sorts=id')).ids).toEqual(['1', '3', '5'])
  })

  it('filters by folder_id, user_id and query_id lists', async () => {
    const inFolders = (await search(admin, `folder_id=${FOLDERS.web},${FOLDERS.campaigns}`)).looks
    expect(new Set(inFolders.map((l) => l.folder_id))).toEqual(new Set([FOLDERS.web, FOLDERS.campaigns]))
    const byUser = (await search(admin, 'user_id=3')).looks
    expect(byUser.length).toBeGreaterThan(0)
    expect(byUser.every((l) => l.user_id === '3')).toBe(true)
    const queryId = sim.store.look(LOOKS.utmSource)?.query_id ?? ''
    expect((await search(admin, `query_id=${queryId}`)).ids).toEqual([LOOKS.utmSource])
  })

  it('view_count matches numbers, and a non-number is a 400', async () => {
    const count = sim.store.look(LOOKS.top10Pct)?.view_count ?? -1
    const { looks } = await search(admin, `view_count=${count}`)
    expect(looks.map((l) => l.view_count)).toEqual(looks.map(() => count))
    expect((await admin.get('/looks/search?view_count=lots')).status).toBe(400)
  })
})

describe('search_looks: IS NULL / NOT NULL and favourites', () => {
  it('description IS NULL finds looks without a description, NOT NULL the others', async () => {
    const nulls = await search(admin, 'description=IS%20NULL')
    const notNulls = await search(admin, 'description=NOT%20NULL')
    expect(nulls.total).toBe(live().filter((l) => l.description === null).length)
    expect(nulls.total + notNulls.total).toBe(live().length)
  })

  it('content_favorite_id NOT NULL means "favourited by the caller", so each user has their own', async () => {
    const mine = (user: string) =>
      sim.store.data.favorites.filter((f) => f.user_id === user && !sim.store.look(f.look_id)?.deleted)
    const adminFavs = await search(admin, 'content_favorite_id=NOT%20NULL')
    const viewerFavs = await search(viewer, 'content_favorite_id=NOT%20NULL')
    expect(adminFavs.total).toBe(mine('1').length)
    expect(viewerFavs.total).toBe(
      mine('3').filter((f) => sim.store.look(f.look_id)?.folder_id !== '24').length,
    )
    expect(adminFavs.looks.every((l) => l.content_favorite_id !== null)).toBe(true)
    expect(adminFavs.ids).not.toEqual(viewerFavs.ids)
  })
})

describe('search_looks: filter_or', () => {
  it('combines criteria with AND by default and OR when filter_or=true', async () => {
    const and = await search(
      admin,
      `id=${LOOKS.utmSource}&title=${encodeURIComponent('Conversion % by channel')}`,
    )
    expect(and.ids).toEqual([])
    const or = await search(
      admin,
      `id=${LOOKS.utmSource}&title=${encodeURIComponent('Conversion % by channel')}&filter_or=true&sorts=id`,
    )
    expect(or.ids).toEqual([LOOKS.conversionPct, LOOKS.utmSource])
  })

  it('rejects a filter_or that is not true or false', async () => {
    expect((await admin.get('/looks/search?filter_or=yes')).status).toBe(400)
  })
})

describe('search_looks: sorting and paging', () => {
  it('sorts by several keys, each ascending or descending', async () => {
    const { looks } = await search(
      admin,
      'sorts=folder_id,view_count%20desc,id&fields=id,folder_id,view_count',
    )
    for (let i = 1; i < looks.length; i++) {
      const [a, b] = [looks[i - 1] as ApiLook, looks[i] as ApiLook]
      const folderOrder = Number(a.folder_id) - Number(b.folder_id)
      expect(folderOrder).toBeLessThanOrEqual(0)
      if (folderOrder === 0) expect(a.view_count ?? 0).toBeGreaterThanOrEqual(b.view_count ?? 0)
    }
  })

  it('sorts titles case-insensitively', async () => {
    const { looks } = await search(admin, 'sorts=title&fields=title')
    const titles = looks.map((l) => (l.title ?? '').toLowerCase())
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  })

  it('an unknown sort field is a 400 naming the sortable fields', async () => {
    const reply = await admin.get<{ message: string }>('/looks/search?sorts=colour')
    expect(reply.status).toBe(400)
    expect(reply.body.message).toMatch(/Cannot sort by "colour"/)
  })

  it("a sort named like an Object.prototype member is an unknown field (400 with Looker's Error body), not a 500", async () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      const reply = await admin.get<{ message: string; documentation_url: string }>(
        `/looks/search?sorts=${name}`,
      )
      expect(reply.status).toBe(400)
      expect(reply.body).toEqual({
        message: expect.stringMatching(`Cannot sort by "${name}"`) as unknown,
        documentation_url: 'https://cloud.google.com/looker/docs/r/err/4.0/400/get/looks/search',
      })
    }
  })

  it('limit and offset page through the results; X-Total-Count is the total before paging', async () => {
    const all = await search(admin, 'sorts=id')
    const page = await search(admin, 'sorts=id&limit=10&offset=20')
    expect(page.total).toBe(live().length)
    expect(all.total).toBe(live().length)
    expect(page.ids).toEqual(all.ids.slice(20, 30))
  })

  it('the deprecated page/per_page still work, and limit/offset win over them', async () => {
    const all = await search(admin, 'sorts=id')
    expect((await search(admin, 'sorts=id&page=2&per_page=5')).ids).toEqual(all.ids.slice(5, 10))
    expect((await search(admin, 'sorts=id&page=2&per_page=5&limit=3')).ids).toEqual(all.ids.slice(0, 3))
  })

  it('a malformed limit is a 400', async () => {
    const reply = await admin.get<{ message: string }>('/looks/search?limit=abc')
    expect(reply.status).toBe(400)
    expect(reply.body.message).toMatch(/limit/)
  })
})

describe('search_looks: deleted', () => {
  const deletedCount = () => sim.store.data.looks.filter((l) => l.deleted).length

  it('returns live looks only when deleted is omitted or false', async () => {
    expect((await search(admin, '')).total).toBe(live().length)
    expect((await search(admin, 'deleted=false')).total).toBe(live().length)
  })

  it('returns only soft-deleted looks with deleted=true, for admins', async () => {
    const trash = await search(admin, 'deleted=true')
    expect(trash.total).toBe(deletedCount())
    expect(trash.looks.every((l) => l.deleted && l.deleted_at !== null && l.deleter_id !== null)).toBe(true)
    expect(trash.ids).toContain(LOOKS.oldPipelineDeleted)
  })

  it('gives non-admins an empty trash', async () => {
    expect((await search(analyst, 'deleted=true')).total).toBe(0)
    expect((await search(viewer, 'deleted=true')).total).toBe(0)
  })
})

describe('search_looks: visibility and fields', () => {
  it("omits other users' personal looks for non-admins, and curate=true omits them for admins", async () => {
    expect((await search(analyst, `id=${LOOKS.user4Draft}`)).ids).toEqual([])
    expect((await search(admin, `id=${LOOKS.user4Draft}`)).ids).toEqual([LOOKS.user4Draft])
    expect((await search(admin, `id=${LOOKS.user4Draft},${LOOKS.adaAdhoc}&curate=true`)).ids).toEqual([
      LOOKS.adaAdhoc,
    ])
  })

  it('the viewer sees Shared looks and their own personal looks only', async () => {
    const { looks } = await search(viewer, 'fields=id,folder_id')
    const personal = new Set(sim.store.data.folders.filter((f) => f.is_personal).map((f) => f.id))
    const personalSeen = looks.filter((l) => personal.has(l.folder_id ?? ''))
    expect(new Set(personalSeen.map((l) => l.folder_id))).toEqual(new Set([FOLDERS.veraPersonal]))
  })

  it('fields ignores names that only exist on Object.prototype', () => {
    const projected = project(
      { id: '1', title: 'x' },
      parseFields('id,constructor,toString(name),__proto__(a)'),
    )
    expect(Object.keys(projected as object)).toEqual(['id'])
    expect(Object.getPrototypeOf(projected)).toBe(Object.prototype)
  })

  it('fields projects top-level and nested properties and ignores unknown names', async () => {
    const { looks } = await search(admin, `id=${LOOKS.utmSource}&fields=id,title,folder(id,name),nonsense`)
    expect(looks).toEqual([
      { id: LOOKS.utmSource, title: 'utm_source breakdown', folder: { id: '10', name: 'Campaigns' } },
    ])
  })
})
