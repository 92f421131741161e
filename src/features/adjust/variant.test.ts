import type { IQuery } from '@looker/sdk/lib/4.0/models'
import { describe, expect, it } from 'vitest'
import { adjustCodec, describeIgnoredAdjustment, NO_ADJUSTMENTS, type Adjustments } from './adjustParams'
import { adjustedQuery, checkAgainst, describeChanges, isAdjusted, normalize, proposeTitle } from './variant'

const saved: IQuery = {
  id: '5',
  model: 'finance',
  view: 'ledger',
  fields: ['ledger.region', 'ledger.net_income'],
  filters: { 'ledger.region': 'Americas,APAC', 'ledger.posted_date': '4 quarters' },
  sorts: ['ledger.net_income desc'],
  limit: '500',
  filter_config: { 'ledger.region': [] },
  vis_config: { type: 'looker_column' },
  client_id: 'abc',
  slug: 'xyz',
  can: {},
}
const label = (name: string) =>
  ({ 'ledger.region': 'Ledger Region', 'ledger.posted_date': 'Ledger Posted Date' })[name] ?? name
const short = (name: string) => label(name).replace('Ledger ', '')
const adjust = (a: Partial<Adjustments>): Adjustments => ({ ...NO_ADJUSTMENTS, ...a })

describe('the URL of an adjusted variant', () => {
  it("reads Looker's f[field]=value filters, unfilter, limit and sorts", () => {
    const search = new URLSearchParams(
      'f[ledger.region]=EMEA&unfilter=ledger.posted_date&limit=10&sorts=ledger.net_income,ledger.region+desc&format=png',
    )
    expect(adjustCodec.parse(search)).toEqual({
      state: {
        filters: { 'ledger.region': 'EMEA' },
        unfilter: ['ledger.posted_date'],
        limit: 10,
        sorts: ['ledger.net_income', 'ledger.region desc'],
      },
      invalid: [],
    })
  })

  it('writes them back, leaving the parameters of others (render settings) as they are', () => {
    const state = adjust({ filters: { 'ledger.region': 'EMEA' }, limit: 10 })
    const written = adjustCodec.write(state, new URLSearchParams('format=png&limit=99&f[old.field]=x'))
    expect(written.toString()).toBe('format=png&f%5Bledger.region%5D=EMEA&limit=10')
  })

  it('refuses bad values one by one, with a reason for each', () => {
    const { state, invalid } = adjustCodec.parse(
      new URLSearchParams('f[bad name]=x&f[ledger.region]=&limit=0&sorts=ledger.a+sideways'),
    )
    expect(state).toEqual(NO_ADJUSTMENTS)
    expect(invalid.map(describeIgnoredAdjustment)).toEqual([
      'Ignored f[bad name]="x": “bad name” is not a field name.',
      'Ignored f[ledger.region]="": a filter needs a value.',
      'Ignored limit="0": the row limit must be a whole number from 1 to 5,000.',
      'Ignored sorts="ledger.a sideways": sorts must be field names, each optionally followed by " desc" or " asc".',
    ])
  })
})

describe('an adjusted variant', () => {
  it('counts only what really changes the saved query', () => {
    const same = adjust({
      filters: { 'ledger.region': 'Americas,APAC' },
      unfilter: ['ledger.not_filtered'],
      limit: 500,
      sorts: ['ledger.net_income  DESC'],
    })
    expect(normalize(same, saved)).toEqual(NO_ADJUSTMENTS)
    expect(isAdjusted(normalize(same, saved))).toBe(false)
  })

  it("is the saved query with the changes, without Looker's id, slug, client_id and old filter editor state", () => {
    const query = adjustedQuery(
      saved,
      adjust({ filters: { 'ledger.region': 'EMEA' }, unfilter: ['ledger.posted_date'], limit: 10 }),
    )
    expect(query).toMatchObject({
      model: 'finance',
      view: 'ledger',
      fields: ['ledger.region', 'ledger.net_income'],
      filters: { 'ledger.region': 'EMEA' },
      sorts: ['ledger.net_income desc'],
      limit: '10',
      filter_config: null,
      vis_config: { type: 'looker_column' },
    })
    expect(query).not.toHaveProperty('id')
    expect(query).not.toHaveProperty('client_id')
    expect(query).not.toHaveProperty('slug')
    // A change of sorts only keeps the filter editor's state: the filters are the saved ones.
    expect(adjustedQuery(saved, adjust({ sorts: ['ledger.region'] })).filter_config).toEqual({
      'ledger.region': [],
    })
  })

  it('describes each change with what it was, and each chip removes only its own change', () => {
    const a = adjust({
      filters: { 'ledger.region': 'EMEA' },
      unfilter: ['ledger.posted_date'],
      limit: 10,
      sorts: ['ledger.region'],
    })
    const changes = describeChanges(a, saved, label, short)
    expect(changes.map((c) => [c.text, c.before])).toEqual([
      ['Ledger Region is EMEA', 'Americas,APAC'],
      ['No filter on Ledger Posted Date', '4 quarters'],
      ['Row limit 10', '500'],
      ['Sorted by Ledger Region ↑', 'ledger.net_income ↓'],
    ])
    expect(changes[0]?.without).toEqual({ ...a, filters: {} })
    expect(changes[2]?.without).toEqual({ ...a, limit: null })
    expect(proposeTitle('Gross margin', changes)).toBe(
      'Gross margin (Region EMEA, any Posted Date, top 10, by Region ↑)',
    )
  })

  it('proposes a title within Looker’s 255 characters, keeping what differs', () => {
    const changes = describeChanges(adjust({ filters: { 'ledger.region': 'EMEA' } }), saved, label, short)
    const title = proposeTitle('x'.repeat(300), changes)
    expect(title).toHaveLength(255)
    expect(title.endsWith('… (Region EMEA)')).toBe(true)
  })

  it("drops what a link asks for that the look's explore cannot do, saying why", () => {
    const catalog = { has: (name: string) => name.startsWith('ledger.') }
    const { adjustments, ignored } = checkAgainst(
      adjust({
        filters: { 'ledger.region': 'EMEA', 'orders.status': 'open' },
        sorts: ['ledger.posted_date'],
      }),
      saved,
      catalog,
    )
    expect(adjustments).toEqual(adjust({ filters: { 'ledger.region': 'EMEA' } }))
    expect(ignored.map(describeIgnoredAdjustment)).toEqual([
      'Ignored f[orders.status]="open": the look\'s explore has no field “orders.status”.',
      'Ignored sorts="ledger.posted_date": the look can only sort on the fields it shows, not “ledger.posted_date”.',
    ])
  })
})
