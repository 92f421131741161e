import { describe, expect, it } from 'vitest'
import type { TargetFolder } from '../../../api/backupTargets'
import type { BackupLook } from '../../../api/lookBackupFormat'
import { planRecreate, proposeTitle, type Known, type PlanInputs } from './recreatePlan'

const look = (id: string, title: string, folderId: string | null): BackupLook => ({
  id,
  title,
  description: null,
  is_run_on_load: false,
  public: false,
  folder: { id: folderId, name: null, path: null },
  owner: { id: null, name: null },
  created_at: null,
  updated_at: null,
  deleted_at: null,
  deleter_id: null,
  last_viewed_at: null,
  view_count: null,
  favorite_count: null,
  query_id: null,
  query_slug: null,
  query: { model: 'm', view: 'v' },
})

const done = <T>(value: T): Known<T> => ({ state: 'done', value })

function inputs(overrides: Partial<PlanInputs>): PlanInputs {
  const folders: Record<string, TargetFolder> = {
    a: { exists: true, id: 'a', name: 'Sales', canAddLooks: true },
    b: { exists: false, id: 'b' },
    r: { exists: true, id: 'r', name: 'Users', canAddLooks: false },
  }
  const looks = overrides.looks ?? []
  return {
    looks,
    selected: new Set(looks.map((l) => l.id)),
    chosen: null,
    folder: (id) => (folders[id] ? done(folders[id]) : { state: 'pending' }),
    titles: (id) => done(new Set(id === 'a' ? ['revenue', 'revenue (restored)'] : [])),
    ...overrides,
  }
}

describe('proposeTitle', () => {
  it('adds “(restored)”, then a number, comparing titles as Looker does (ignoring case), within 255 characters', () => {
    expect(proposeTitle('Margin', new Set())).toBe('Margin (restored)')
    expect(proposeTitle('Revenue', new Set(['revenue (restored)']))).toBe('Revenue (restored 2)')
    const long = 'x'.repeat(255)
    expect(proposeTitle(long, new Set())).toHaveLength(255)
    expect(proposeTitle(long, new Set())).toMatch(/x \(restored\)$/)
  })
})

describe('planRecreate', () => {
  it('keeps a free title, proposes one for a taken title, and never gives two selected looks the same one', () => {
    const rows = planRecreate(
      inputs({ looks: [look('1', 'Revenue', 'a'), look('2', 'REVENUE', 'a'), look('3', 'Margin', 'a')] }),
    )
    expect(rows.map((r) => (r.step.kind === 'ready' ? [r.step.title, r.step.renamed] : r.step.kind))).toEqual(
      [
        ['Revenue (restored 2)', true],
        ['REVENUE (restored 3)', true],
        ['Margin', false],
      ],
    )
  })

  it('a look left out claims no title', () => {
    const looks = [look('1', 'Margin', 'a'), look('2', 'Margin', 'a')]
    const rows = planRecreate(inputs({ looks, selected: new Set(['2']) }))
    expect(rows[1]!.step).toMatchObject({ kind: 'ready', title: 'Margin', renamed: false })
  })

  it('a look whose folder is gone (or takes no looks, or was never known) needs a folder until one is chosen', () => {
    const looks = [look('1', 'A', 'b'), look('2', 'B', 'r'), look('3', 'C', null), look('4', 'D', 'x')]
    expect(planRecreate(inputs({ looks })).map((r) => r.step)).toEqual([
      { kind: 'needs-folder', why: 'gone' },
      { kind: 'needs-folder', why: 'read-only' },
      { kind: 'needs-folder', why: 'gone' },
      { kind: 'checking' },
    ])
    const chosen = { id: 'a', name: 'Sales' }
    expect(planRecreate(inputs({ looks: looks.slice(0, 2), chosen })).map((r) => r.step)).toEqual([
      { kind: 'ready', folder: chosen, movedFrom: 'gone', title: 'A', renamed: false },
      { kind: 'ready', folder: chosen, movedFrom: 'read-only', title: 'B', renamed: false },
    ])
  })

  it('a check that failed is shown as such, never as ready', () => {
    const error = new Error('boom')
    const rows = planRecreate(
      inputs({ looks: [look('1', 'A', 'a')], titles: () => ({ state: 'failed', error }) }),
    )
    expect(rows[0]!.step).toEqual({ kind: 'check-failed', error })
  })
})
