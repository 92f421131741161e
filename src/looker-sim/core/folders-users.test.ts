// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiFolder, ApiFolderBase, ApiUser } from './api-types'
import { createLookerSim, type LookerSim } from './sim'
import { clientFor, FOLDERS, LOOKS, type TestClient } from './test-client'

let sim: LookerSim
let admin: TestClient
let analyst: TestClient
let viewer: TestClient

beforeEach(() => {
  sim = createLookerSim({ lookCount: 60 })
  admin = clientFor(sim, 'admin')
  analyst = clientFor(sim, 'analyst')
  viewer = clientFor(sim, 'viewer')
})

const names = (folders: ApiFolderBase[]) => folders.map((f) => f.name)

describe('folders', () => {
  it('search matches names with LIKE and reports X-Total-Count', async () => {
    const reply = await analyst.get<ApiFolderBase[]>('/folders/search?name=s%25&sorts=name')
    expect(names(reply.body)).toEqual(['Sales', 'Shared', 'Supply Chain', 'Support'])
    expect(reply.headers.get('X-Total-Count')).toBe('4')
  })

  it('search by parent_id lists children; IS NULL finds the two roots', async () => {
    const roots = await admin.get<ApiFolderBase[]>('/folders/search?parent_id=IS%20NULL')
    expect(names(roots.body)).toEqual(['Shared', 'Users'])
    const regional = await admin.get<ApiFolderBase[]>(
      `/folders/search?parent_id=${FOLDERS.regional}&sorts=name desc`,
    )
    expect(names(regional.body)).toEqual(['EMEA', 'APAC', 'Americas'])
  })

  it('search by is_shared_root / is_users_root and filter_or', async () => {
    const either = await admin.get<ApiFolderBase[]>(
      '/folders/search?is_shared_root=true&is_users_root=true&filter_or=true',
    )
    expect(names(either.body)).toEqual(['Shared', 'Users'])
    const both = await admin.get<ApiFolderBase[]>('/folders/search?is_shared_root=true&is_users_root=true')
    expect(both.body).toEqual([])
  })

  it('non-admins see only their own personal folder under Users', async () => {
    const children = await analyst.get<ApiFolderBase[]>(`/folders/${FOLDERS.users}/children`)
    expect(names(children.body)).toEqual(['Andy Analyst'])
    const users = await analyst.get<ApiFolder>(`/folders/${FOLDERS.users}`)
    expect(users.body.child_count).toBe(1)
    expect((await analyst.get(`/folders/${FOLDERS.user4Personal}`)).status).toBe(404)
    expect((await admin.get<ApiFolderBase[]>(`/folders/${FOLDERS.users}/children`)).body).toHaveLength(15)
  })

  it('children sort by name by default and page with limit/offset', async () => {
    const all = await viewer.get<ApiFolderBase[]>(`/folders/${FOLDERS.shared}/children?fields=name`)
    expect(all.body).toEqual([...all.body].sort((a, b) => a.name.localeCompare(b.name)))
    const page = await viewer.get<ApiFolderBase[]>(
      `/folders/${FOLDERS.shared}/children?limit=2&offset=1&fields=name`,
    )
    expect(page.body).toEqual(all.body.slice(1, 3))
    expect(page.headers.get('X-Total-Count')).toBe(String(all.body.length))
  })

  it('ancestors run from the root to the parent', async () => {
    const reply = await viewer.get<ApiFolderBase[]>(`/folders/${FOLDERS.emea}/ancestors`)
    expect(names(reply.body)).toEqual(['Shared', 'Sales', 'Regional'])
  })

  it('a single folder carries its live looks (with their dashboards) and dashboards', async () => {
    const reply = await admin.get<ApiFolder>(`/folders/${FOLDERS.sales}`)
    const ids = reply.body.looks?.map((l) => l.id) ?? []
    expect(ids).toContain(LOOKS.top10Pct)
    expect(reply.body.dashboards?.map((d) => d.title)).toEqual(['Sales Overview'])
    const top10 = reply.body.looks?.find((l) => l.id === LOOKS.top10Pct)
    expect(top10?.dashboards.map((d) => d.title)).toContain('Sales Overview')
  })

  it('fields projection applies to folder responses', async () => {
    const reply = await admin.get(`/folders/${FOLDERS.sales}?fields=id,name,can(edit_content)`)
    expect(reply.body).toEqual({ id: FOLDERS.sales, name: 'Sales', can: { edit_content: true } })
  })
})

describe('users', () => {
  it('GET /user describes the caller in full, with personal and home folders', async () => {
    const reply = await analyst.get<ApiUser>('/user')
    expect(reply.body).toMatchObject({
      id: '2',
      first_name: 'Andy',
      last_name: 'Analyst',
      display_name: 'Andy Analyst',
      email: 'andy.analyst@lookbook.example',
      personal_folder_id: FOLDERS.andyPersonal,
      home_folder_id: FOLDERS.shared,
    })
    expect(reply.body.credentials_api3.map((c) => c.client_id)).toEqual(['demo-analyst'])
  })

  it('GET /users/{id} gives non-admins only the public variant of others', async () => {
    const other = await analyst.get<Record<string, unknown>>('/users/1')
    expect(Object.keys(other.body).sort()).toEqual([
      'avatar_url',
      'can',
      'display_name',
      'first_name',
      'id',
      'last_name',
      'url',
    ])
    expect((await admin.get<ApiUser>('/users/2')).body.email).toBe('andy.analyst@lookbook.example')
    expect((await admin.get('/users/999')).status).toBe(404)
  })

  it('search matches names with LIKE, ids as lists, and sorts', async () => {
    const byName = await admin.get<ApiUser[]>('/users/search?first_name=a%25&sorts=first_name')
    expect(byName.body.every((u) => u.first_name.toLowerCase().startsWith('a'))).toBe(true)
    expect(byName.body.map((u) => u.first_name)).toContain('Ada')
    const ids = await admin.get<ApiUser[]>('/users/search?id=3,1&sorts=id%20desc')
    expect(ids.body.map((u) => u.id)).toEqual(['3', '1'])
    const full = await admin.get<ApiUser[]>(`/users/search?full_name=${encodeURIComponent('Vera Viewer')}`)
    expect(full.body.map((u) => u.id)).toEqual(['3'])
  })

  it('ignores the email filter for non-admins (it needs full user details)', async () => {
    const reply = await viewer.get<ApiUser[]>('/users/search?email=nobody%25')
    expect(reply.body.length).toBe(15)
    expect((await admin.get<ApiUser[]>('/users/search?email=nobody%25')).body).toEqual([])
  })
})
