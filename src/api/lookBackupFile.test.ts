import { describe, expect, it } from 'vitest'
import { MAX_BACKUP_BYTES, parseLooksBackup, readLooksBackupFile } from './lookBackupFile'
import type { LooksBackup } from './lookBackupFormat'

function aBackup(): LooksBackup {
  const look = (id: string, title: string) => ({
    id,
    title,
    description: null,
    is_run_on_load: false,
    public: false,
    folder: {
      id: '4',
      name: 'Pipeline',
      path: [
        { id: '1', name: 'Shared' },
        { id: '4', name: 'Pipeline' },
      ],
    },
    owner: { id: '2', name: 'Andy Analyst' },
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-02-01T00:00:00.000Z',
    deleted_at: '2026-11-01T00:00:00.000Z',
    deleter_id: '1',
    last_viewed_at: null,
    view_count: 3,
    favorite_count: 0,
    query_id: '10',
    query_slug: 'abc1234',
    query: {
      model: 'ecommerce',
      view: 'order_items',
      fields: ['order_items.created_month', 'order_items.count'],
      filters: { 'order_items.created_date': '90 days' },
      sorts: ['order_items.created_month desc'],
      limit: '500',
      total: true,
      vis_config: { type: 'looker_column' },
    },
  })
  return {
    format: 'lookbook.looks-backup',
    version: 1,
    created_at: '2026-12-01T10:22:03.456Z',
    source: { web_server_url: 'https://looker.example.com', looker_release: '26.12.3', api_version: '4.0' },
    created_by: { id: '1', name: 'Ada Admin' },
    looks: [look('10', 'Pipeline snapshot'), look('11', 'Weekly revenue')],
  }
}

/** The first problem with a backup changed by `edit` (a mutable copy of a valid one). */
function problemWith(edit: (doc: Record<string, unknown> & { looks: Record<string, unknown>[] }) => void) {
  const doc = structuredClone(aBackup()) as unknown as Record<string, unknown> & {
    looks: Record<string, unknown>[]
  }
  edit(doc)
  const result = parseLooksBackup(JSON.stringify(doc, null, 2))
  return result.ok ? 'accepted' : result.problem
}

describe('parseLooksBackup', () => {
  it('accepts a valid backup and keeps its looks, ignoring properties it does not know', () => {
    const doc = {
      ...aBackup(),
      comment: 'made by hand',
      looks: aBackup().looks.map((l) => ({ ...l, extra: 1 })),
    }
    const result = parseLooksBackup(`\uFEFF${JSON.stringify(doc)}`)
    expect(result).toEqual({ ok: true, backup: aBackup() })
  })

  it('names a JSON syntax error with its line and column', () => {
    const text = JSON.stringify(aBackup(), null, 2).replace('"version": 1,', '"version": 1')
    expect(parseLooksBackup(text)).toEqual({
      ok: false,
      problem:
        'The file is not valid JSON: line 4, column 3: expected “,” or “}” after a property value but found “"”.',
    })
  })

  it('refuses a document that is not an object, or of another format or version', () => {
    expect(parseLooksBackup('[1, 2]')).toEqual({
      ok: false,
      problem: 'This is not a Lookbook looks backup: the file holds a list, not an object.',
    })
    expect(problemWith((d) => delete d.format)).toBe(
      'This is not a Lookbook looks backup: it has no “format” (expected "lookbook.looks-backup").',
    )
    expect(problemWith((d) => (d.format = 'looker.dashboard-backup'))).toBe(
      'This is not a Lookbook looks backup: its “format” is text ("looker.dashboard-backup"), not "lookbook.looks-backup".',
    )
    expect(problemWith((d) => (d.version = 2))).toBe(
      'This backup is format version 2, newer than this Lookbook can read (version 1). Open it with a newer Lookbook.',
    )
    expect(problemWith((d) => (d.version = '1'))).toBe(
      'The backup’s “version” must be a whole number from 1, not text ("1").',
    )
    expect(problemWith((d) => delete d.version)).toBe('The backup has no “version”.')
  })

  it('refuses a backup without looks', () => {
    expect(problemWith((d) => delete (d as Record<string, unknown>).looks)).toBe('The backup has no “looks”.')
    expect(problemWith((d) => (d.looks = []))).toBe('The backup holds no looks.')
    expect(problemWith((d) => ((d as Record<string, unknown>).looks = { a: 1 }))).toBe(
      'The backup’s “looks” must be a list, not an object.',
    )
    expect(problemWith((d) => (d.created_at = 5))).toBe(
      'The backup’s “created_at” must be text, not a number (5).',
    )
  })

  it('names a look that has no query, with its number and title', () => {
    expect(problemWith((d) => delete d.looks[1]!.query)).toBe(
      'Look 2 of 2 (“Weekly revenue”) has no query, so it cannot be re-created.',
    )
    expect(problemWith((d) => (d.looks[0]!.query = null))).toBe(
      'Look 1 of 2 (“Pipeline snapshot”) has no query, so it cannot be re-created.',
    )
  })

  it('refuses a look that is in the backup twice, naming both', () => {
    expect(problemWith((d) => (d.looks[1]!.id = '10'))).toBe(
      'Look 2 of 2 (“Weekly revenue”) has the same “id” ("10") as look 1; each look is in a backup once.',
    )
  })

  it('names the first field of the wrong type, and only the first', () => {
    expect(
      problemWith((d) => {
        ;(d.looks[1]!.query as Record<string, unknown>).limit = 500
        d.looks[1]!.public = 'no'
      }),
    ).toBe('Look 2 of 2 (“Weekly revenue”): “public” must be true or false, not text ("no").')
    expect(problemWith((d) => ((d.looks[1]!.query as Record<string, unknown>).limit = 500))).toBe(
      'Look 2 of 2 (“Weekly revenue”): “query.limit” must be text or null, not a number (500).',
    )
    expect(problemWith((d) => ((d.looks[0]!.query as Record<string, unknown>).fields = ['a', 3]))).toBe(
      'Look 1 of 2 (“Pipeline snapshot”): item 2 of “query.fields” must be text, not a number (3).',
    )
    expect(
      problemWith(
        (d) => ((d.looks[0]!.query as Record<string, unknown>).filters = { 'order_items.status': true }),
      ),
    ).toBe('Look 1 of 2 (“Pipeline snapshot”): “query.filters.order_items.status” must be text, not true.')
    expect(problemWith((d) => delete (d.looks[0]!.query as Record<string, unknown>).model)).toBe(
      'Look 1 of 2 (“Pipeline snapshot”): “query.model” is missing.',
    )
    expect(problemWith((d) => (d.looks[0]!.title = '  '))).toBe('Look 1 of 2: “title” is empty.')
    expect(problemWith((d) => delete d.looks[0]!.folder)).toBe(
      'Look 1 of 2 (“Pipeline snapshot”): “folder” is missing.',
    )
    expect(
      problemWith((d) => ((d.looks[0]!.folder as Record<string, unknown>).path = [{ id: '1', name: 7 }])),
    ).toBe('Look 1 of 2 (“Pipeline snapshot”): “folder.path[1].name” must be text, not a number (7).')
    expect(problemWith((d) => (d.looks[1] = 'Weekly revenue' as never))).toBe(
      'Look 2 of 2 must be an object, not text ("Weekly revenue").',
    )
  })
})

describe('readLooksBackupFile', () => {
  it('refuses an empty file, a huge one and one that is not UTF-8 text, before reading JSON', async () => {
    expect(await readLooksBackupFile(new Blob([]))).toEqual({ ok: false, problem: 'The file is empty.' })
    const huge = { size: MAX_BACKUP_BYTES + 1 } as Blob
    expect(await readLooksBackupFile(huge)).toEqual({
      ok: false,
      problem: 'The file is 50 MB, more than a looks backup can be (50 MB).',
    })
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe])])
    expect(await readLooksBackupFile(png)).toEqual({
      ok: false,
      problem: 'The file is not text (it is not UTF-8), so it is not a looks backup.',
    })
    const good = new Blob([JSON.stringify(aBackup())])
    expect(await readLooksBackupFile(good)).toEqual({ ok: true, backup: aBackup() })
  })
})
