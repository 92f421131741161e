import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { aFolder, aLook, demoUser, sharedRoot } from '../test/builders'
import { server, sim, TEST_API } from '../test/server'
import { BackupFailedError, backupFileName, buildLooksBackup } from './lookBackup'
import { toSelected } from './lookLists'
import type { LookRecord } from '../looker-sim/core'

const selected = (look: LookRecord) =>
  toSelected({ id: look.id, title: look.title, folder_id: look.folder_id })

describe('buildLooksBackup', () => {
  it('keeps each look’s metadata, folder path, owner and whole query definition', async () => {
    const sales = aFolder({ name: 'Sales backup test' })
    const pipeline = aFolder({ name: 'Pipeline', parent: sales })
    const look = aLook({
      folder: pipeline,
      owner: 'analyst',
      title: 'Revenue by month',
      description: 'For the board',
      is_run_on_load: true,
      trashedBy: { user: 'admin', daysAgo: 3 },
      query: {
        fields: ['order_items.created_month', 'order_items.total_sale_price', 'order_items.status'],
        pivots: ['order_items.status'],
        filters: { 'order_items.created_date': '90 days' },
        filter_expression: '${order_items.total_sale_price} > 0',
        sorts: ['order_items.created_month desc'],
        limit: '500',
        column_limit: '50',
        total: true,
        row_total: 'right',
        vis_config: { type: 'looker_line', show_value_labels: true },
        dynamic_fields: '[{"table_calculation":"x","expression":"1"}]',
        query_timezone: 'Europe/Paris',
      },
    })
    const progress: number[] = []
    const built = await buildLooksBackup([selected(look)], {
      onProgress: (n) => progress.push(n),
      createdBy: { id: '1', name: 'Ada Admin' },
      now: () => new Date('2026-12-01T10:22:03.456Z'),
    })

    expect(progress).toEqual([1])
    expect(built.included.map((l) => l.id)).toEqual([look.id])
    expect(built.skipped).toEqual([])
    const { backup } = built
    expect(backup).toMatchObject({
      format: 'lookbook.looks-backup',
      version: 1,
      created_at: '2026-12-01T10:22:03.456Z',
      source: { web_server_url: 'http://looker.test', looker_release: '26.12.3', api_version: '4.0' },
      created_by: { id: '1', name: 'Ada Admin' },
    })
    const query = sim.store.data.queries.find((q) => q.id === look.query_id)!
    expect(backup.looks).toEqual([
      {
        id: look.id,
        title: 'Revenue by month',
        description: 'For the board',
        is_run_on_load: true,
        public: false,
        folder: {
          id: pipeline.id,
          name: 'Pipeline',
          path: [
            { id: sharedRoot().id, name: sharedRoot().name },
            { id: sales.id, name: 'Sales backup test' },
            { id: pipeline.id, name: 'Pipeline' },
          ],
        },
        owner: { id: demoUser('analyst').id, name: 'Andy Analyst' },
        created_at: look.created_at,
        updated_at: look.updated_at,
        deleted_at: look.deleted_at,
        deleter_id: demoUser('admin').id,
        last_viewed_at: look.last_viewed_at,
        view_count: look.view_count,
        favorite_count: 0,
        query_id: query.id,
        query_slug: query.slug,
        query: {
          model: 'ecommerce',
          view: 'order_items',
          fields: query.fields,
          pivots: ['order_items.status'],
          fill_fields: null,
          filters: { 'order_items.created_date': '90 days' },
          filter_expression: '${order_items.total_sale_price} > 0',
          sorts: ['order_items.created_month desc'],
          limit: '500',
          column_limit: '50',
          total: true,
          row_total: 'right',
          subtotals: null,
          vis_config: { type: 'looker_line', show_value_labels: true },
          filter_config: null,
          visible_ui_sections: null,
          dynamic_fields: '[{"table_calculation":"x","expression":"1"}]',
          query_timezone: 'Europe/Paris',
        },
      },
    ])
    // client_id names the original query: a re-made query must get its own.
    expect(backup.looks[0]!.query).not.toHaveProperty('client_id')
    expect(backupFileName(backup)).toBe('looks-backup looker.test 2026-12-01 10-22-03Z (1 look).json')
  })

  it('reads each folder’s path once, and leaves out looks already gone or restored since they were chosen', async () => {
    const folder = aFolder()
    const looks = [1, 2, 3, 4].map(() => aLook({ folder, trashedBy: { user: 'admin' } }))
    const [kept, restored, gone, alsoKept] = looks as [LookRecord, LookRecord, LookRecord, LookRecord]
    const chosen = looks.map(selected)
    restored.deleted = false
    sim.store.data.looks = sim.store.data.looks.filter((l) => l.id !== gone.id)
    sim.store.reindex()
    sim.requestLog.length = 0

    const built = await buildLooksBackup(chosen)
    expect(built.included.map((l) => l.id)).toEqual([kept.id, alsoKept.id])
    expect(built.backup.looks.map((l) => l.id)).toEqual([kept.id, alsoKept.id])
    expect(built.skipped).toEqual([
      { look: chosen[1], reason: 'restored' },
      { look: chosen[2], reason: 'gone' },
    ])
    const ancestorReads = sim.requestLog.filter((e) => e.path.endsWith('/ancestors'))
    expect(ancestorReads).toHaveLength(1)
  })

  it('records a folder that was already gone as having no path', async () => {
    const doomed = aFolder()
    const look = aLook({ folder: doomed, trashedBy: { user: 'admin' } })
    sim.store.data.folders = sim.store.data.folders.filter((f) => f.id !== doomed.id)
    sim.store.reindex()
    const { backup } = await buildLooksBackup([selected(look)])
    expect(backup.looks[0]!.folder).toEqual({ id: doomed.id, name: null, path: null })
  })

  it('waits out 429s on the reads: every look is in the backup', async () => {
    const looks = Array.from({ length: 6 }, () => aLook({ trashedBy: { user: 'admin' } }))
    sim.faults.setRules([{ kind: 429, rate: 0.5, method: 'GET', retryAfterSeconds: 0 }])
    const built = await buildLooksBackup(looks.map(selected), {})
    expect(built.backup.looks.map((l) => l.id)).toEqual(looks.map((l) => l.id))
    expect(sim.faults.stats['429']).toBeGreaterThan(0)
  })

  it('fails as a whole, naming the look, when one look cannot be read', async () => {
    const [first, broken] = [aLook({ trashedBy: { user: 'admin' } }), aLook({ trashedBy: { user: 'admin' } })]
    server.use(
      http.get(`${TEST_API}/looks/${broken.id}`, () =>
        HttpResponse.json({ message: 'Looker is in maintenance mode' }, { status: 400 }),
      ),
    )
    const failure = await buildLooksBackup([selected(first), selected(broken)]).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(BackupFailedError)
    expect((failure as Error).message).toBe(
      `Could not read “${broken.title}” for the backup: Looker is in maintenance mode`,
    )
  })
})
