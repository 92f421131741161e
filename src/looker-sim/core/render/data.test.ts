import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMIT, fieldLabel, generateQueryData, isMeasureField, MAX_LIMIT } from './data.ts'

describe('generateQueryData', () => {
  it('returns the same rows for the same query and seed, and different ones for another seed', () => {
    const query = { fields: ['orders.created_month', 'users.state', 'orders.count'], limit: 50 }
    expect(generateQueryData(query, 7)).toEqual(generateQueryData(query, 7))
    expect(generateQueryData(query, 7).rows).not.toEqual(generateQueryData(query, 8).rows)
  })

  it('labels columns Looker-style and tells measures from dimensions', () => {
    const { columns } = generateQueryData(
      { fields: ['orders.created_month', 'order_items.total_sale_price'] },
      1,
    )
    expect(columns).toEqual([
      { name: 'orders.created_month', label: 'Orders Created Month', isMeasure: false },
      { name: 'order_items.total_sale_price', label: 'Order Items Total Sale Price', isMeasure: true },
    ])
  })

  it('gives date dimensions consecutive periods, newest first by default', () => {
    const { rows } = generateQueryData({ fields: ['orders.created_month', 'orders.count'] }, 1)
    const months = rows.map((r) => r['orders.created_month'] as string)
    expect(months).toHaveLength(24)
    expect(months[0]).toMatch(/^\d{4}-\d{2}$/)
    expect([...months].sort().reverse()).toEqual(months)
    const days = generateQueryData(
      { fields: ['orders.created_date'], filters: { 'orders.created_date': '7 days' } },
      1,
    )
    expect(days.rows).toHaveLength(7)
  })

  it('uses realistic values for well-known dimensions', () => {
    const states = generateQueryData({ fields: ['users.state'], limit: 100 }, 1).rows.map(
      (r) => r['users.state'],
    )
    expect(states).toHaveLength(50)
    expect(states).toContain('California')
    const statuses = generateQueryData({ fields: ['orders.status', 'orders.count'] }, 1).rows.map(
      (r) => r['orders.status'],
    )
    expect(statuses).toEqual(expect.arrayContaining(['Complete', 'Cancelled', 'Returned']))
  })

  it('honours the limit, defaulting to 500 and capping at 5000', () => {
    const fields = ['orders.created_date', 'users.state', 'orders.count']
    expect(generateQueryData({ fields, limit: '10' }, 1).rows).toHaveLength(10)
    expect(generateQueryData({ fields, limit: 3 }, 1).rows).toHaveLength(3)
    expect(generateQueryData({ fields }, 1).rows).toHaveLength(DEFAULT_LIMIT)
    const huge = generateQueryData(
      {
        fields: ['orders.created_date', 'users.state', 'orders.count'],
        limit: 100_000,
        filters: { 'orders.created_date': '365 days' },
      },
      1,
    )
    expect(huge.rows).toHaveLength(MAX_LIMIT)
  })

  it('sorts by the requested fields and directions, and the limit keeps the top rows', () => {
    const query = { fields: ['products.category', 'orders.count'], sorts: ['orders.count desc'] }
    const counts = generateQueryData(query, 1).rows.map((r) => r['orders.count'] as number)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    const top3 = generateQueryData({ ...query, limit: 3 }, 1).rows
    expect(top3).toEqual(generateQueryData(query, 1).rows.slice(0, 3))
    const names = generateQueryData({ fields: ['products.category'], sorts: ['products.category'] }, 1).rows
    const values = names.map((r) => r['products.category'] as string)
    expect(values).toEqual([...values].sort())
  })

  it('keeps each row stable whatever the sort or limit', () => {
    const a = generateQueryData({ fields: ['users.state', 'users.count'], sorts: ['users.state'] }, 3).rows
    const b = generateQueryData(
      { fields: ['users.state', 'users.count'], sorts: ['users.count desc'], limit: 5 },
      3,
    ).rows
    for (const row of b) expect(a).toContainEqual(row)
  })

  it('applies equality, list, negation and measure filters', () => {
    const one = generateQueryData(
      { fields: ['users.state', 'users.count'], filters: { 'users.state': 'Texas' } },
      1,
    )
    expect(one.rows.map((r) => r['users.state'])).toEqual(['Texas'])
    const two = generateQueryData({ fields: ['users.state'], filters: { 'users.state': 'Texas,Ohio' } }, 1)
    expect(two.rows).toHaveLength(2)
    const notTexas = generateQueryData({ fields: ['users.state'], filters: { 'users.state': '-Texas' } }, 1)
    expect(notTexas.rows).toHaveLength(49)
    const big = generateQueryData(
      { fields: ['users.state', 'users.count'], filters: { 'users.count': '>2000' } },
      1,
    )
    expect(big.rows.every((r) => (r['users.count'] as number) > 2000)).toBe(true)
    const none = generateQueryData(
      { fields: ['users.state', 'users.count'], filters: { 'users.state': 'Atlantis' } },
      1,
    )
    expect(none.rows).toEqual([])
  })

  it('treats the declared measures as authoritative when the query lists them', () => {
    const query = { fields: ['sessions.start_week', 'sessions.unique_visitors'], limit: 5 }
    expect(generateQueryData(query, 1).columns[1]!.isMeasure).toBe(false)
    const declared = generateQueryData({ ...query, measures: ['sessions.unique_visitors'] }, 1)
    expect(declared.columns.map((c) => c.isMeasure)).toEqual([false, true])
    expect(declared.rows.every((r) => Number.isInteger(r['sessions.unique_visitors']))).toBe(true)
  })

  it('returns a single total row for a measure-only query', () => {
    const { rows } = generateQueryData({ fields: ['orders.count', 'order_items.total_sale_price'] }, 1)
    expect(rows).toHaveLength(1)
    expect(typeof rows[0]!['orders.count']).toBe('number')
  })
})

describe('field helpers', () => {
  it.each([
    ['orders.count', true],
    ['order_items.total_sale_price', true],
    ['order_items.average_sale_price', true],
    ['users.count_distinct_emails', true],
    ['sessions.conversion_rate', true],
    ['orders.created_month', false],
    ['users.state', false],
    ['products.category', false],
    ['users.is_active', false],
  ])('isMeasureField(%s) is %s', (field, expected) => {
    expect(isMeasureField(field)).toBe(expected)
  })

  it('builds labels from view and field names', () => {
    expect(fieldLabel('users.traffic_source')).toBe('Users Traffic Source')
    expect(fieldLabel('orders.id')).toBe('Orders ID')
    expect(fieldLabel('count', 'order_items')).toBe('Order Items Count')
  })
})
