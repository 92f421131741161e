import { DEMO_CREDENTIALS } from '../core/seed'
import type { SpecHarness } from './harness'

/**
 * Scenarios per operation, beyond the generic ones every operation gets (see conformance.test.ts): the
 * success paths that need state, and the documented failures (400, 404, 409, 422). An operation without
 * an entry here is still driven generically; the test fails if no request of it succeeds.
 */
export const CASES: Record<string, (h: SpecHarness) => Promise<void>> = {
  async login(h) {
    const { admin } = DEMO_CREDENTIALS
    await h.send('POST', '/login', {
      as: null,
      form: { client_id: admin.clientId, client_secret: admin.clientSecret },
    })
    await h.send('POST', '/login', { as: null, form: { client_id: admin.clientId, client_secret: 'wrong' } })
  },
  async logout(h) {
    await h.send('DELETE', '/logout', { as: 'viewer' })
  },
  async search_looks(h) {
    await h.send('GET', '/looks/search', {
      query: { title: '%a%', deleted: 'false', limit: '5', sorts: 'title' },
    })
    await h.send('GET', '/looks/search', { query: { deleted: 'true' } })
    await h.send('GET', '/looks/search', { query: { sorts: 'no_such_field' } })
    await h.send('GET', '/looks/search', { query: { deleted: 'maybe' } })
  },
  async update_look(h) {
    const id = h.look().id
    await h.send('PATCH', `/looks/${id}`, { body: { description: 'Checked against the spec' } })
    await h.send('PATCH', `/looks/${id}`, { body: { title: '' } })
    await h.send('PATCH', `/looks/${id}`, { body: '[1]' })
  },
  async delete_look(h) {
    const { json } = await h.send('POST', `/looks/${h.look().id}/copy`)
    await h.send('DELETE', `/looks/${(json as { id: string }).id}`)
  },
  async move_look(h) {
    const look = h.look()
    await h.send('PATCH', `/looks/${look.id}/move`, { query: { folder_id: look.folder_id } })
    const { json } = await h.send('POST', `/looks/${look.id}/copy`)
    const other = h.sim.store.data.folders.find(
      (f) => f.id !== look.folder_id && f.parent_id === look.folder_id,
    )
    const target =
      other?.id ?? h.sim.store.data.folders.find((f) => f.id !== look.folder_id && f.id !== '2')?.id
    await h.send('PATCH', `/looks/${(json as { id: string }).id}/move`, {
      query: { folder_id: target ?? '1' },
    })
  },
  async create_look_render_task(h) {
    const id = h.look().id
    await h.send('POST', `/render_tasks/looks/${id}/jpg`, { query: { width: '1200', height: '628' } })
    await h.send('POST', `/render_tasks/looks/${id}/gif`, { query: { width: '800', height: '600' } })
    await h.send('POST', `/render_tasks/looks/${id}/png`, { query: { width: '800' } })
    await h.send('POST', `/render_tasks/looks/${id}/png`, { query: { width: '9000', height: '50' } })
  },
  async create_dashboard_render_task(h) {
    const id = await h.value('dashboard_id')
    const size = { width: '1200', height: '900' }
    await h.send('POST', `/render_tasks/dashboards/${id}/pdf`, {
      query: { ...size, pdf_paper_size: 'a4', pdf_landscape: 'true' },
      body: { dashboard_style: 'single_column', dashboard_filters: null },
    })
    await h.send('POST', `/render_tasks/dashboards/${id}/png`, {
      query: size,
      body: { dashboard_style: 'tiled' },
    })
    await h.send('POST', `/render_tasks/dashboards/${id}/pdf`, { query: size })
    await h.send('POST', `/render_tasks/dashboards/${id}/pdf`, {
      query: { ...size, pdf_paper_size: 'b5' },
      body: {},
    })
  },
  async render_task(h) {
    // Every status a task goes through, and a failure with its reason.
    const { json } = await h.send('POST', `/render_tasks/looks/${h.look().id}/png`, {
      query: { width: '800', height: '600' },
    })
    const { json: broken } = await h.send('POST', `/render_tasks/looks/${h.brokenLook().id}/png`, {
      query: { width: '800', height: '600' },
    })
    const seen = new Set<string>()
    for (let t = 0, done = false; !done && t <= 30_000; t += 50) {
      const statuses = []
      for (const task of [json, broken]) {
        const { json: status } = await h.send('GET', `/render_tasks/${(task as { id: string }).id}`)
        statuses.push((status as { status: string }).status)
      }
      statuses.forEach((s) => seen.add(s))
      done = statuses.every((s) => s === 'success' || s === 'failure')
      h.clock.advance(50)
    }
    const all = ['enqueued_for_query', 'querying', 'enqueued_for_render', 'rendering', 'success', 'failure']
    if (all.some((s) => !seen.has(s))) throw new Error(`render_task: saw only ${[...seen].join(', ')}`)
  },
  async render_task_results(h) {
    const { json } = await h.send('POST', `/render_tasks/looks/${h.look().id}/png`, {
      query: { width: '400', height: '300' },
    })
    const id = (json as { id: string }).id
    await h.send('GET', `/render_tasks/${id}/results`)
    h.clock.advance(2_000)
    await h.send('GET', `/render_tasks/${id}/results`)
    await h.send('GET', '/render_tasks/999999/results')
  },
  async create_query_task(h) {
    const queryId = h.look().query_id
    await h.send('POST', '/query_tasks', {
      query: { limit: '5' },
      body: { query_id: queryId, result_format: 'json_detail' },
    })
    await h.send('POST', '/query_tasks', { body: { query_id: queryId, result_format: 'xlsx_nope' } })
    await h.send('POST', '/query_tasks', { body: { query_id: '999999', result_format: 'csv' } })
  },
  async query_task_results(h) {
    const start = async (queryId: string, format: string) => {
      const { json } = await h.send('POST', '/query_tasks', {
        body: { query_id: queryId, result_format: format },
      })
      return (json as { id: string }).id
    }
    const good = h.look().query_id
    const broken = h.brokenLook().query_id
    const ids = await Promise.all(
      [
        [good, 'json_detail'],
        [good, 'json'],
        [good, 'csv'],
        [broken, 'json_detail'],
        [broken, 'csv'],
      ].map(([q, f]) => start(q!, f!)),
    )
    await h.send('GET', `/query_tasks/${ids[0]}/results`)
    h.clock.advance(500)
    for (const id of ids) {
      await h.send('GET', `/query_tasks/${id}`)
      await h.send('GET', `/query_tasks/${id}/results`)
    }
  },
  async register_oauth_client_app(h) {
    const body = {
      redirect_uri: 'https://lookbook.example.invalid/oauth/callback',
      display_name: 'Spec check',
    }
    await h.send('POST', '/oauth_client_apps/spec-check-app', { body })
  },
}
