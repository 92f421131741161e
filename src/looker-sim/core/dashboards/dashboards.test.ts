// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest'
import type { ApiLookWithDashboards } from '../api-types'
import { looksUnused } from '../seed/dashboard-extras'
import { createLookerSim, type LookerSim } from '../sim'
import { clientFor, FOLDERS, LOOKS, type TestClient } from '../test-client'
import type { ApiDashboard, ApiDashboardElement, ApiScheduledPlan } from './api-types'

let sim: LookerSim
let admin: TestClient
let analyst: TestClient
let viewer: TestClient

beforeAll(() => {
  sim = createLookerSim()
  admin = clientFor(sim, 'admin')
  analyst = clientFor(sim, 'analyst')
  viewer = clientFor(sim, 'viewer')
})

const titles = (dashboards: ApiDashboard[]) => dashboards.map((d) => d.title)
const BUSINESS_PULSE = 'ecommerce::business_pulse'

describe('search_dashboards', () => {
  it('lists live user-defined dashboards, filtered by title and folder, sorted and paged', async () => {
    const all = await admin.get<ApiDashboard[]>('/dashboards/search?sorts=title')
    expect(all.status).toBe(200)
    expect(titles(all.body)).toContain('Marketing Funnel')
    expect(titles(all.body)).not.toContain('Retired KPI board')
    expect(all.body.every((d) => !d.id.includes('::'))).toBe(true)
    expect(all.headers.get('X-Total-Count')).toBe(String(all.body.length))
    expect(titles(all.body)).toEqual([...titles(all.body)].sort((a, b) => a!.localeCompare(b!)))

    const like = await admin.get<ApiDashboard[]>(`/dashboards/search?title=${encodeURIComponent('%funnel%')}`)
    expect(titles(like.body)).toEqual(['Marketing Funnel'])
    const inSales = await admin.get<ApiDashboard[]>(`/dashboards/search?folder_id=${FOLDERS.sales}`)
    expect(titles(inSales.body)).toEqual(['Sales Overview'])

    const page = await admin.get<ApiDashboard[]>('/dashboards/search?sorts=id&limit=2&offset=1')
    expect(page.body.map((d) => d.id)).toEqual(['2', '3'])
    expect(page.headers.get('X-Total-Count')).toBe(String(all.body.length))
  })

  it('answers only the asked fields, and refuses unknown sorts and non-boolean flags', async () => {
    const slim = await admin.get<Record<string, unknown>[]>('/dashboards/search?fields=id,title&limit=1')
    expect(Object.keys(slim.body[0]!)).toEqual(['id', 'title'])
    expect((await admin.get('/dashboards/search?sorts=colour')).status).toBe(400)
    expect((await admin.get('/dashboards/search?deleted=maybe')).status).toBe(400)
  })

  it('shows the trash to admins only, and personal dashboards to their owner', async () => {
    const trash = await admin.get<ApiDashboard[]>('/dashboards/search?deleted=true')
    expect(titles(trash.body)).toEqual(['Retired KPI board'])
    expect(trash.body[0]).toMatchObject({ deleted: true, deleter_id: '1' })
    expect((await analyst.get<ApiDashboard[]>('/dashboards/search?deleted=true')).body).toEqual([])

    const mine = await analyst.get<ApiDashboard[]>(`/dashboards/search?folder_id=${FOLDERS.andyPersonal}`)
    expect(titles(mine.body)).toEqual(['Campaign checks'])
    expect((await viewer.get<ApiDashboard[]>('/dashboards/search')).body.map((d) => d.title)).not.toContain(
      'Campaign checks',
    )
    const curated = await admin.get<ApiDashboard[]>('/dashboards/search?curate=true')
    expect(titles(curated.body)).not.toContain('Campaign checks')
    const notAdas = await admin.get<ApiDashboard[]>('/dashboards/search?user_id=1&not_owned_by=true')
    expect(titles(notAdas.body)).toEqual(['Campaign checks'])
  })

  it('gives each role the can map Looker would: viewers may not change or copy', async () => {
    const [asViewer] = (await viewer.get<ApiDashboard[]>('/dashboards/search?title=Marketing%20Funnel')).body
    expect(asViewer!.can).toMatchObject({
      show: true,
      render: true,
      copy: false,
      update: false,
      destroy: false,
    })
    const [asAnalyst] = (await analyst.get<ApiDashboard[]>('/dashboards/search?title=Marketing%20Funnel'))
      .body
    expect(asAnalyst!.can).toMatchObject({ show: true, copy: true, update: true })
    const [board] = (await analyst.get<ApiDashboard[]>('/dashboards/search?title=Board%20Pack')).body
    expect(board!.can).toMatchObject({ show: true, update: false, destroy: false })
  })
})

describe('dashboard', () => {
  it('answers a user-defined dashboard with its look tiles, filters and layout', async () => {
    const reply = await analyst.get<ApiDashboard>('/dashboards/1')
    expect(reply.status).toBe(200)
    const dashboard = reply.body
    expect(dashboard).toMatchObject({
      id: '1',
      title: 'Sales Overview',
      folder_id: FOLDERS.sales,
      readonly: false,
    })
    expect(dashboard).not.toHaveProperty('model')
    const elements = dashboard.dashboard_elements!
    expect(elements.length).toBeGreaterThan(0)
    for (const element of elements) {
      expect(element).toMatchObject({ dashboard_id: '1', type: 'vis', query_id: null })
      expect(element.look?.id).toBe(element.look_id)
      expect(element.title).toBe(element.look?.title)
    }
    expect(dashboard.dashboard_filters!.map((f) => [f.title, f.dimension, f.default_value])).toEqual([
      ['Signup Date', 'users.created_date', '6 months'],
      ['Country', 'users.country', null],
    ])
    const [layout] = dashboard.dashboard_layouts!
    expect(layout!.dashboard_layout_components!.map((c) => c.dashboard_element_id)).toEqual(
      elements.map((e) => e.id),
    )
  })

  it('answers a LookML dashboard by its model::name id, read-only, with query tiles', async () => {
    const reply = await viewer.get<ApiDashboard>(`/dashboards/${encodeURIComponent(BUSINESS_PULSE)}`)
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({
      id: BUSINESS_PULSE,
      title: 'Business Pulse',
      readonly: true,
      model: { id: 'ecommerce', label: 'E-commerce' },
      folder: { id: 'lookml', name: 'LookML Dashboards' },
      folder_id: 'lookml',
      user_id: null,
    })
    expect(reply.body.can).toMatchObject({ show: true, render: true, update: false, destroy: false })
    for (const element of reply.body.dashboard_elements!) {
      expect(element.look_id).toBeNull()
      expect(element.query?.id).toBe(element.query_id)
      expect(element.query?.model).toBe('ecommerce')
      expect(element.id).toBe(`${BUSINESS_PULSE}::${element.lookml_link_id}`)
    }
    expect(reply.body.dashboard_filters?.[0]).toMatchObject({ dimension: 'order_items.created_date' })
  })

  it('is 404 for unknown ids and for dashboards the caller may not see', async () => {
    expect((await admin.get('/dashboards/999')).status).toBe(404)
    expect((await admin.get(`/dashboards/${encodeURIComponent('ecommerce::nope')}`)).status).toBe(404)
    const personal = sim.store.data.dashboards.find((d) => d.title === 'Campaign checks')!
    expect((await viewer.get(`/dashboards/${personal.id}`)).status).toBe(404)
    expect((await analyst.get(`/dashboards/${personal.id}`)).status).toBe(200)
    const retired = sim.store.data.dashboards.find((d) => d.deleted)!
    expect((await analyst.get(`/dashboards/${retired.id}`)).status).toBe(404)
    expect((await admin.get(`/dashboards/${retired.id}`)).status).toBe(200)
    expect((await clientFor(sim, null).get('/dashboards/1')).status).toBe(401)
  })

  it('is the same dashboard a look page lists: a look’s dashboards are the live ones using it', async () => {
    const look = await admin.get<{ dashboards: { id: string }[] }>(`/folders/${FOLDERS.web}`)
    const folder = look.body as unknown as { looks: ApiLookWithDashboards[] }
    const conversion = folder.looks.find((l) => l.id === LOOKS.conversionPct)!
    const { body } = await admin.get<ApiDashboardElement[]>(
      `/dashboard_elements/search?look_id=${LOOKS.conversionPct}`,
    )
    expect(conversion.dashboards.map((d) => d.id)).toEqual([...new Set(body.map((e) => e.dashboard_id))])
    expect(conversion.dashboards.map((d) => d.title)).toEqual(['Marketing Funnel'])
  })
})

describe('search_lookml_dashboards', () => {
  it('returns an array (the spec’s schema says one object) of LookML dashboards, by title', async () => {
    const reply = await viewer.get<ApiDashboard[]>('/dashboards/lookml/search')
    expect(reply.status).toBe(200)
    expect(Array.isArray(reply.body)).toBe(true)
    expect(titles(reply.body)).toEqual([
      'Business Pulse',
      'Campaign Performance',
      'Customer Overview',
      'Financial Overview',
      'Product Engagement',
    ])
    expect(new Set(reply.body.map((d) => d.model?.id))).toEqual(
      new Set(['ecommerce', 'marketing', 'finance', 'product']),
    )
    const like = await viewer.get<ApiDashboard[]>(
      `/dashboards/lookml/search?title=${encodeURIComponent('%pulse')}`,
    )
    expect(like.body.map((d) => d.id)).toEqual([BUSINESS_PULSE])
    const paged = await viewer.get<ApiDashboard[]>('/dashboards/lookml/search?sorts=id&limit=1&offset=1')
    expect(paged.body.map((d) => d.id)).toEqual(['ecommerce::customer_overview'])
    expect(
      (await viewer.get<ApiDashboard[]>('/dashboards/lookml/search?folder_id=lookml')).body,
    ).toHaveLength(5)
    expect((await viewer.get<ApiDashboard[]>('/dashboards/lookml/search?folder_id=1')).body).toEqual([])
    expect((await viewer.get('/dashboards/lookml/search?sorts=view_count')).status).toBe(400)
  })
})

describe('search_dashboard_elements', () => {
  it('finds the tiles of a look, of a dashboard, by title; the trash only when asked', async () => {
    const board = sim.store.data.dashboards.find((d) => d.title === 'Board Pack')!
    const byDashboard = await admin.get<ApiDashboardElement[]>(
      `/dashboard_elements/search?dashboard_id=${board.id}`,
    )
    expect(byDashboard.body.map((e) => e.id)).toEqual(board.elements.map((e) => e.id))

    const retired = sim.store.data.dashboards.find((d) => d.deleted)!
    const lookOnRetired = retired.elements[0]!.look_id
    const live = await admin.get<ApiDashboardElement[]>(`/dashboard_elements/search?look_id=${lookOnRetired}`)
    expect(live.body.map((e) => e.dashboard_id)).not.toContain(retired.id)
    const trashed = await admin.get<ApiDashboardElement[]>(
      `/dashboard_elements/search?look_id=${lookOnRetired}&deleted=true`,
    )
    expect(trashed.body.map((e) => e.dashboard_id)).toEqual([retired.id])

    const lookml = await viewer.get<ApiDashboardElement[]>(
      `/dashboard_elements/search?dashboard_id=${encodeURIComponent(BUSINESS_PULSE)}&sorts=title`,
    )
    expect(lookml.body).toHaveLength(4)
    expect(lookml.body.map((e) => e.title)).toEqual([...lookml.body.map((e) => e.title)].sort())
    const byTitle = await viewer.get<ApiDashboardElement[]>(
      `/dashboard_elements/search?title=${encodeURIComponent(lookml.body[0]!.title!)}`,
    )
    expect(byTitle.body.map((e) => e.id)).toContain(lookml.body[0]!.id)
    expect((await admin.get('/dashboard_elements/search?deleted=yes')).status).toBe(400)
  })

  it('shows only tiles of dashboards the caller may see', async () => {
    const personal = sim.store.data.dashboards.find((d) => d.title === 'Campaign checks')!
    const path = `/dashboard_elements/search?dashboard_id=${personal.id}`
    expect((await viewer.get<ApiDashboardElement[]>(path)).body).toEqual([])
    expect((await analyst.get<ApiDashboardElement[]>(path)).body.length).toBe(personal.elements.length)
  })

  it('puts some unused-looking looks on live dashboards, for the admin’s Unused list to leave out', async () => {
    const onLive = sim.store.data.dashboards
      .filter((d) => !d.deleted)
      .flatMap((d) => d.elements.map((e) => sim.store.look(e.look_id)!))
      .filter(looksUnused)
    expect(onLive.length).toBeGreaterThanOrEqual(3)
    const { body } = await admin.get<ApiDashboardElement[]>(
      `/dashboard_elements/search?look_id=${onLive[0]!.id}`,
    )
    expect(body.length).toBeGreaterThan(0)
  })
})

describe('scheduled_plans_for_look', () => {
  const plansOf = (client: TestClient, lookId: string, query = '') =>
    client.get<ApiScheduledPlan[]>(`/scheduled_plans/look/${lookId}${query}`)

  it('gives the caller’s own plans, everyone’s with all_users for admins, one user’s with user_id', async () => {
    const mine = await plansOf(analyst, LOOKS.conversionPct)
    expect(mine.status).toBe(200)
    expect(mine.body.map((p) => [p.name, p.user_id, p.look_id])).toEqual([
      ['Conversion by channel, Mondays', '2', LOOKS.conversionPct],
    ])
    expect(mine.body[0]).toMatchObject({
      enabled: true,
      crontab: '0 8 * * 1',
      title: 'Conversion % by channel',
    })
    expect(mine.body[0]!.scheduled_plan_destination![0]).toMatchObject({
      type: 'email',
      looker_recipient: true,
    })
    expect(Date.parse(mine.body[0]!.next_run_at!)).toBeGreaterThan(Date.now() - 60_000)
    expect(new Date(mine.body[0]!.next_run_at!).getUTCDay()).toBe(1)

    expect((await plansOf(admin, LOOKS.conversionPct)).body).toEqual([])
    expect((await plansOf(admin, LOOKS.conversionPct, '?all_users=true')).body).toHaveLength(1)
    expect((await plansOf(admin, LOOKS.conversionPct, '?user_id=2')).body).toHaveLength(1)
  })

  it('never shows other users’ plans without see_schedules, and is 404 for looks the caller cannot see', async () => {
    expect((await plansOf(viewer, LOOKS.conversionPct, '?all_users=true')).body).toEqual([])
    expect((await plansOf(viewer, LOOKS.conversionPct, '?user_id=2')).body).toEqual([])
    expect((await plansOf(admin, '999999')).status).toBe(404)
    expect((await plansOf(viewer, LOOKS.andyScratchpad)).status).toBe(404)
    expect((await plansOf(admin, LOOKS.conversionPct, '?user_id=999')).status).toBe(404)
    expect((await plansOf(admin, LOOKS.conversionPct, '?all_users=sometimes')).status).toBe(400)
  })

  it('schedules unused-looking looks that are on no dashboard, some owned by others than the admin', async () => {
    const onDashboards = new Set(sim.store.data.dashboards.flatMap((d) => d.elements.map((e) => e.look_id)))
    const scheduled = sim.store.data.scheduledPlans.map((p) => sim.store.look(p.look_id)!)
    const unused = scheduled.filter((l) => looksUnused(l) && !onDashboards.has(l.id))
    expect(unused.length).toBeGreaterThanOrEqual(3)
    for (const look of unused) {
      const { body } = await plansOf(admin, look.id, '?all_users=true')
      expect(body.length).toBeGreaterThan(0)
    }
    expect(
      sim.store.data.scheduledPlans.some((p) => p.user_id !== '1' && unused.some((l) => l.id === p.look_id)),
    ).toBe(true)
  })
})

describe('changes and persistence', () => {
  it('a permanently deleted look leaves its dashboards and schedules; a snapshot carries them all', async () => {
    const own = createLookerSim()
    const ada = clientFor(own, 'admin')
    const plan = own.store.data.scheduledPlans.find((p) => p.look_id !== LOOKS.conversionPct)!
    const onDashboard = own.store.data.dashboards[6]!.elements[0]!.look_id
    expect((await ada.del(`/looks/${plan.look_id}`)).status).toBe(204)
    expect((await ada.del(`/looks/${onDashboard}`)).status).toBe(204)
    expect(own.store.data.scheduledPlans.some((p) => p.look_id === plan.look_id)).toBe(false)
    const { body } = await ada.get<ApiDashboardElement[]>(`/dashboard_elements/search?look_id=${onDashboard}`)
    expect(body).toEqual([])

    const restored = createLookerSim({ snapshot: own.snapshot() })
    expect(restored.store.data.scheduledPlans).toEqual(own.store.data.scheduledPlans)
    expect(restored.store.data.dashboards).toEqual(own.store.data.dashboards)
    expect(restored.store.data.lookmlDashboards).toEqual(own.store.data.lookmlDashboards)
    expect(
      createLookerSim({ snapshot: { ...own.snapshot(), version: 1 as never } }).store.data.scheduledPlans,
    ).toEqual(createLookerSim().store.data.scheduledPlans)
  })

  it('seeds the same dashboards, LookML dashboards and schedules for the same seed', () => {
    const a = createLookerSim().store.data
    const b = createLookerSim().store.data
    expect(JSON.stringify([a.dashboards, a.lookmlDashboards, a.scheduledPlans])).toBe(
      JSON.stringify([b.dashboards, b.lookmlDashboards, b.scheduledPlans]),
    )
  })
})
