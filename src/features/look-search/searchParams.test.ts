import { describe, expect, it } from 'vitest'
import {
  DEFAULT_STATE,
  parseSearchParams,
  searchesTitlesOnly,
  toLookSearch,
  toSearchParams,
  type SearchState,
} from './searchParams'

const parse = (query: string) => parseSearchParams(new URLSearchParams(query))

describe('URL ↔ state', () => {
  it('an empty URL is the default view, and the default view writes an empty URL', () => {
    expect(parse('')).toEqual({ state: DEFAULT_STATE, invalid: [] })
    expect(toSearchParams(DEFAULT_STATE).toString()).toBe('')
  })

  it('every setting survives a round trip through the URL', () => {
    const state: SearchState = {
      q: 'revenue 50%',
      folder: '12',
      sub: true,
      owner: '7',
      favorites: true,
      sort: { key: 'view_count', direction: 'asc' },
      page: 3,
      size: 100,
    }
    const url = toSearchParams(state)
    expect(url.toString()).toBe(
      'q=revenue+50%25&folder=12&sub=1&owner=7&favorites=1&sort=view_count+asc&page=3&size=100',
    )
    expect(parse(url.toString())).toEqual({ state, invalid: [] })
  })

  it('keeps parameters the page does not own, such as the demo simulator settings', () => {
    const url = toSearchParams({ ...DEFAULT_STATE, q: 'x' }, new URLSearchParams('sim_looks=50000&q=old'))
    expect(url.get('sim_looks')).toBe('50000')
    expect(url.get('q')).toBe('x')
  })

  it('"include subfolders" without a folder is not written', () => {
    expect(toSearchParams({ ...DEFAULT_STATE, sub: true }).has('sub')).toBe(false)
  })
})

describe('bad parameters', () => {
  it.each([
    ['page=0', 'page'],
    ['page=-2', 'page'],
    ['page=abc', 'page'],
    ['page=1.5', 'page'],
    ['size=30', 'size'],
    ['sort=name+desc', 'sort'],
    ['sort=title+sideways', 'sort'],
    ['sort=title;drop', 'sort'],
    ['favorites=maybe', 'favorites'],
    ['sub=yes', 'sub'],
    ['folder=../etc', 'folder'],
    ['owner=<script>', 'owner'],
    [`q=${'a'.repeat(201)}`, 'q'],
  ])('%s falls back to the default and is reported', (query, name) => {
    const { state, invalid } = parse(query)
    expect(invalid).toEqual([name])
    expect(state).toEqual(DEFAULT_STATE)
  })

  it('good parameters beside a bad one are kept', () => {
    const { state, invalid } = parse('q=sales&size=7&page=2')
    expect(invalid).toEqual(['size'])
    expect(state).toEqual({ ...DEFAULT_STATE, q: 'sales', page: 2 })
  })

  it('a sort without a direction is ascending', () => {
    expect(parse('sort=title').state.sort).toEqual({ key: 'title', direction: 'asc' })
  })
})

describe('search_looks parameters', () => {
  it('always asks for live looks, sorted and paged', () => {
    expect(toLookSearch({ ...DEFAULT_STATE, page: 3, size: 25 }, null)).toEqual({
      deleted: false,
      sorts: 'updated_at desc',
      limit: 25,
      offset: 50,
    })
  })

  it('text alone matches title or description', () => {
    const params = toLookSearch({ ...DEFAULT_STATE, q: 'churn' }, null)
    expect(params).toMatchObject({
      title: '%churn%',
      description: '%churn%',
      filter_or: true,
      deleted: false,
    })
  })

  it('with a filter, text matches titles only because filter_or would OR the filter too', () => {
    const state = { ...DEFAULT_STATE, q: 'churn', owner: '2', favorites: true }
    const params = toLookSearch(state, '5,6')
    expect(params).toMatchObject({
      title: '%churn%',
      user_id: '2',
      folder_id: '5,6',
      content_favorite_id: 'NOT NULL',
    })
    expect(params.description).toBeUndefined()
    expect(params.filter_or).toBeUndefined()
    expect(searchesTitlesOnly(state)).toBe(true)
  })
})
