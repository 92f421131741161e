import { describe, expect, it } from 'vitest'
import {
  dashboardListCodec,
  DEFAULT_LIST_STATE,
  describeIgnored,
  lookmlDashboardSearch,
  userDashboardSearch,
} from './dashboardParams'

const parse = (query: string) => dashboardListCodec.parse(new URLSearchParams(query))

describe('dashboards list parameters', () => {
  it('the plain page is the user-defined list by title, 50 a page, and writes nothing to the URL', () => {
    expect(parse('')).toEqual({ state: DEFAULT_LIST_STATE, invalid: [] })
    expect(dashboardListCodec.write(DEFAULT_LIST_STATE).toString()).toBe('')
    expect(userDashboardSearch(DEFAULT_LIST_STATE)).toEqual({
      title: undefined,
      folder_id: undefined,
      sorts: 'title',
      limit: 50,
      offset: 0,
    })
  })

  it('a user-defined search: title words, folder, order and page become search_dashboards parameters', () => {
    const { state, invalid } = parse('q=sales overview&folder=12&sort=view_count+desc&page=3&size=25')
    expect(invalid).toEqual([])
    expect(userDashboardSearch(state)).toEqual({
      title: '%sales%overview%',
      folder_id: '12',
      sorts: 'view_count desc',
      limit: 25,
      offset: 50,
    })
    expect(dashboardListCodec.write(state).toString()).toBe(
      'q=sales+overview&folder=12&sort=view_count+desc&page=3&size=25',
    )
  })

  it('the LookML list has its own orders and no folder', () => {
    const { state, invalid } = parse('kind=lookml&q=pulse&sort=id&folder=12')
    expect(invalid).toEqual([])
    expect(state.folder).toBeNull()
    expect(lookmlDashboardSearch(state)).toEqual({ title: '%pulse%', sorts: 'id', limit: 50, offset: 0 })
    // The folder is not the LookML list's: it is dropped when the URL is written again.
    expect(dashboardListCodec.write(state).toString()).toBe('kind=lookml&q=pulse&sort=id')
  })

  it('an order from the other list, an unknown kind or a bad page fall back, each named in one sentence', () => {
    const { state, invalid } = parse('kind=lookml&sort=view_count+desc&page=0&size=7')
    expect(state).toEqual({ ...DEFAULT_LIST_STATE, kind: 'lookml' })
    expect(invalid.map(describeIgnored)).toEqual([
      'Ignored sort="view_count desc": using the default order.',
      'Ignored page="0": showing the first page.',
      'Ignored size="7": showing 50 a page.',
    ])
    expect(parse('kind=looks&folder=../x').invalid.map(describeIgnored)).toEqual([
      'Ignored kind="looks": showing user-defined dashboards.',
      'Ignored folder="../x": not a valid folder id.',
    ])
  })

  it('parameters the page does not own are kept', () => {
    const base = new URLSearchParams('sim_latency=200&q=old')
    const next = dashboardListCodec.write({ ...DEFAULT_LIST_STATE, q: 'new' }, base)
    expect(next.toString()).toBe('sim_latency=200&q=new')
  })
})
