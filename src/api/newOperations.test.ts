import { describe, expect, it } from 'vitest'
import { LookerApiError } from '../lib/errors'
import { aDashboard, aLook, anEditableFolder } from '../test/builders'
import { recordRequests, sim } from '../test/server'
import {
  getDashboard,
  scheduledPlansForLook,
  searchDashboardElements,
  searchDashboards,
  searchLookmlDashboards,
} from './dashboards'
import { createLook, getLook, runLook } from './looks'
import { createQuery, getLookmlModelExplore, getQuery, runQuery } from './queries'
import { createQueryRenderTask } from './renderTasks'
import { getContentThumbnail } from './thumbnails'

const requests = recordRequests()

/** The look's query as a WriteQuery (create_query's body): what "adjust" starts from. */
async function queryOf(lookId: string) {
  const look = await getLook(lookId)
  const { model, view, fields, filters, sorts, limit, vis_config } = look.query!
  return { model, view, fields, filters, sorts, limit, vis_config }
}

describe('queries: adjust a look without touching it', () => {
  it('create_query makes a new query from a look query and other filters; the same body gives the same query', async () => {
    const look = aLook()
    const base = await queryOf(look.id)
    const adjusted = await createQuery({ ...base, limit: '10' })
    expect(adjusted.id).toEqual(expect.any(String))
    expect(adjusted.id).not.toBe(look.query_id)
    expect((await getQuery(adjusted.id!)).limit).toBe('10')
    expect((await createQuery({ ...base, limit: '10' })).id).toBe(adjusted.id)
    expect((await createQuery(base)).id).toBe(look.query_id)
  })

  it('create_query refuses a field the explore lacks with a 422 naming it', async () => {
    const base = await queryOf(aLook().id)
    const error = await createQuery({ ...base, filters: { 'no_such.field': 'x' } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LookerApiError)
    expect((error as LookerApiError).status).toBe(422)
    expect(
      (error as LookerApiError).message + JSON.stringify((error as LookerApiError).fieldErrors),
    ).toContain('no_such.field')
  })

  it('lookml_model_explore lists the dimensions and measures a filter may use', async () => {
    const base = await queryOf(aLook().id)
    const explore = await getLookmlModelExplore(base.model, base.view)
    const names = [...(explore.fields?.dimensions ?? []), ...(explore.fields?.measures ?? [])].map(
      (f) => f.name,
    )
    for (const field of base.fields ?? []) expect(names).toContain(field)
  })

  it('run_query and run_look answer CSV files; a query renders on the render pool', async () => {
    const look = aLook()
    const csv = await runLook(look.id, 'csv', { limit: -1 })
    expect(csv.type).toMatch(/^text\/csv/)
    expect((await csv.text()).split('\n')[0]).toContain(',')
    const query = await createQuery({ ...(await queryOf(look.id)), limit: '3' })
    const rows = (await (await runQuery(query.id!, 'csv', {})).text()).trim().split('\n')
    expect(rows).toHaveLength(1 + 3)
    const task = await createQueryRenderTask({ queryId: query.id!, format: 'png', width: 400, height: 300 })
    expect(task.query_id).toBe(query.id)
    const paths = requests.map((r) => `${r.method} ${r.url.pathname}`)
    expect(paths).toContain(`GET /api/4.0/looks/${look.id}/run/csv`)
    expect(paths).toContain(`POST /api/4.0/render_tasks/queries/${query.id}/png`)
  })

  it('create_look saves the adjusted query as a new look in a folder', async () => {
    const look = aLook()
    const folder = anEditableFolder()
    const query = await createQuery({ ...(await queryOf(look.id)), limit: '5' })
    const created = await createLook({ title: 'Top 5', folder_id: folder.id, query_id: query.id })
    expect(created).toMatchObject({ title: 'Top 5', folder_id: folder.id, query_id: query.id })
    const clash = await createLook({ title: 'Top 5', folder_id: folder.id, query_id: query.id }).catch(
      (e: unknown) => e,
    )
    expect((clash as LookerApiError).status).toBe(409)
    expect(sim.store.data.looks.filter((l) => l.title === 'Top 5')).toHaveLength(1)
  })
})

describe('dashboards, elements, schedules and thumbnails', () => {
  it('finds user-defined and LookML dashboards, and reads a LookML one by its model::name id', async () => {
    const look = aLook()
    const dashboard = aDashboard({ looks: [look] })
    const found = await searchDashboards({ title: dashboard.title, deleted: 'false' })
    expect(found.dashboards.map((d) => d.id)).toEqual([dashboard.id])
    const lookml = await searchLookmlDashboards({})
    expect(Array.isArray(lookml.dashboards)).toBe(true)
    const id = lookml.dashboards[0]!.id!
    expect(id).toContain('::')
    expect((await getDashboard(id)).id).toBe(id)
    expect(requests.some((r) => r.url.pathname === `/api/4.0/dashboards/${encodeURIComponent(id)}`)).toBe(
      true,
    )
  })

  it('search_dashboard_elements by look_id lists the tiles that use it', async () => {
    const look = aLook()
    const dashboard = aDashboard({ looks: [look] })
    const elements = await searchDashboardElements({ look_id: look.id })
    expect(elements.map((e) => e.dashboard_id)).toEqual([dashboard.id])
  })

  it('scheduled_plans_for_look answers a list (an unscheduled look has none)', async () => {
    expect(await scheduledPlansForLook(aLook().id, { all_users: true })).toEqual([])
  })

  it('content_thumbnail is an SVG by default and a PNG at a size, in the theme asked for', async () => {
    const look = aLook()
    const svg = await getContentThumbnail({ type: 'look', id: look.id, theme: 'dark' })
    expect(svg.type).toMatch(/^image\/svg\+xml/)
    const png = await getContentThumbnail({
      type: 'look',
      id: look.id,
      theme: 'light',
      png: { width: 80, height: 60 },
    })
    expect(png.type).toBe('image/png')
    expect(requests.at(-1)!.url.search).toBe('?theme=light&format=png&width=80&height=60')
  })
})
