import { describe, expect, it } from 'vitest'
import { DEFAULT_PARAMS, parseTrashParams, toSearchParams, TRASH_SORTS } from './trashParams'
import { trashSearch } from './trashParams'

describe('trash URL parameters', () => {
  it('round-trip: what is written is read back, and defaults stay out of the URL', () => {
    const params = {
      ...DEFAULT_PARAMS,
      q: 'revenue',
      owner: '2',
      folder: '7',
      sort: 'title' as const,
      page: 3,
      size: 25,
    }
    const url = toSearchParams(params)
    expect(url.toString()).toBe('q=revenue&owner=2&folder=7&sort=title&page=3&size=25')
    expect(parseTrashParams(url)).toEqual({ params, notices: [] })
    expect(toSearchParams(DEFAULT_PARAMS).toString()).toBe('')
  })

  it('keeps parameters it does not own, as the search page does (one rule for every list page)', () => {
    const url = toSearchParams({ ...DEFAULT_PARAMS, q: 'x' }, new URLSearchParams('sim_looks=50000&q=old'))
    expect(url.toString()).toBe('sim_looks=50000&q=x')
  })

  it('the unused tab keeps its own period and order', () => {
    const { params } = parseTrashParams(new URLSearchParams('tab=unused&days=365&sort=view_count'))
    expect(params).toMatchObject({
      tab: 'unused',
      days: 365,
      unusedSort: 'view_count',
      sort: 'deleted_at desc',
    })
    expect(toSearchParams(params).toString()).toBe('tab=unused&days=365&sort=view_count')
  })

  it('the unused tab keeps which kinds of use it lists anyway, in a fixed order; an unknown kind is refused', () => {
    const { params } = parseTrashParams(new URLSearchParams('tab=unused&show=dashboard,scheduled'))
    expect(params.show).toEqual(['scheduled', 'dashboard'])
    expect(toSearchParams(params).toString()).toBe('tab=unused&show=scheduled%2Cdashboard')
    const bad = parseTrashParams(new URLSearchParams('tab=unused&show=scheduled,archived'))
    expect(bad.params.show).toEqual([])
    expect(bad.notices).toEqual(['Ignored show="scheduled,archived": leaving out every kind of use.'])
    // The trash tab has no such filter: it is not written there.
    expect(toSearchParams({ ...params, tab: 'trash' }).toString()).toBe('')
  })

  it('bad values fall back to defaults, one notice each', () => {
    const { params, notices } = parseTrashParams(
      new URLSearchParams('tab=bin&owner=<script>&sort=id&days=45&size=7&page=-2'),
    )
    expect(params).toEqual(DEFAULT_PARAMS)
    expect(notices).toHaveLength(6)
    expect(notices[1]).toBe('Ignored owner="<script>": not a valid id.')
  })

  it('the owner order says it is by user ID: search_looks cannot sort by owner name', () => {
    expect(TRASH_SORTS['user_id,deleted_at desc']).toBe('Owner (by user ID)')
  })

  it('names inherited from Object.prototype are not sort orders', () => {
    for (const sort of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      for (const tab of ['trash', 'unused']) {
        const { params, notices } = parseTrashParams(new URLSearchParams({ tab, sort }))
        expect(params).toEqual({ ...DEFAULT_PARAMS, tab })
        expect(notices).toEqual([`Ignored sort="${sort}": using the default order.`])
      }
    }
  })

  it('the title search follows the search page: a contains-search in which % and _ are wildcards', () => {
    const title = (q: string) => trashSearch({ ...DEFAULT_PARAMS, q }).title
    expect(title('  ')).toBeUndefined()
    expect(title('sales q3')).toBe('%sales%q3%')
    expect(title('utm_source')).toBe('%utm_source%')
    expect(title('50%')).toBe('%50%%')
  })
})
