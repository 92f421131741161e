import { describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { generateQueryData } from '../render/data'
import { createLookerSim } from '../sim'
import { clientFor } from '../test-client'
import { isDeclaredMeasure, withDeclaredMeasures } from './field-roles'
import { EXPLORES } from './vocab'

describe('measures the seeded models declare', () => {
  it('every declared measure is a measure and every declared dimension is not, whatever its name', () => {
    for (const explore of EXPLORES) {
      for (const measure of explore.measures) expect(isDeclaredMeasure(measure.name), measure.name).toBe(true)
      for (const dim of explore.dimensions) expect(isDeclaredMeasure(dim.name), dim.name).toBe(false)
    }
  })

  it('generates numbers for measures whose names the heuristics miss ("Sessions Unique Visitors")', () => {
    const query = { fields: ['sessions.start_week', 'sessions.unique_visitors', 'accounts.mrr'], limit: 10 }
    // Without the model's word, the name alone reads as a dimension and yields text such as "Visitors 9".
    const guessed = generateQueryData(query, 1)
    expect(guessed.columns.find((c) => c.name === 'sessions.unique_visitors')?.isMeasure).toBe(false)

    const { columns, rows } = generateQueryData(withDeclaredMeasures(query), 1)
    expect(columns.map((c) => c.isMeasure)).toEqual([false, true, true])
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(typeof row['sessions.unique_visitors']).toBe('number')
      expect(Number.isInteger(row['sessions.unique_visitors'])).toBe(true)
      expect(typeof row['accounts.mrr']).toBe('number')
    }
  })

  it('a query task on such a query lists the field under measures with numeric values', async () => {
    const clock = new ManualClock()
    const sim = createLookerSim({ clock, tasks: { queryDurationMs: { min: 100, max: 100 } } })
    const admin = clientFor(sim, 'admin')
    const query = sim.store.data.queries.find((q) => q.fields.includes('sessions.unique_visitors'))
    expect(query, 'the seed has a query with sessions.unique_visitors').toBeDefined()
    const task = await admin.post<{ id: string }>('/query_tasks?limit=5', {
      query_id: query!.id,
      result_format: 'json_detail',
    })
    expect(task.status).toBe(200)
    clock.advance(200)
    const result = await admin.get<{
      fields: { dimensions: { name: string }[]; measures: { name: string; is_numeric: boolean }[] }
      data: Record<string, { value: unknown }>[]
    }>(`/query_tasks/${task.body.id}/results`)
    expect(result.status).toBe(200)
    expect(result.body.fields.measures).toContainEqual(
      expect.objectContaining({ name: 'sessions.unique_visitors', is_numeric: true }),
    )
    expect(result.body.fields.dimensions.map((d) => d.name)).not.toContain('sessions.unique_visitors')
    for (const row of result.body.data) expect(typeof row['sessions.unique_visitors']?.value).toBe('number')
  })
})
