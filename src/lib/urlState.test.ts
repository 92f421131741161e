import { describe, expect, it } from 'vitest'
import { field, flagParam, idParam, keyOfParam, pageParam, pageSizeParam, urlCodec } from './urlState'

interface State {
  view: 'list' | 'grid'
  owner: string | null
  listSort: 'title' | 'date'
  gridSort: 'size' | 'date'
  compact: boolean
  page: number
  size: number
}
const DEFAULTS: State = {
  view: 'list',
  owner: null,
  listSort: 'date',
  gridSort: 'size',
  compact: false,
  page: 1,
  size: 50,
}
const inGrid = (s: State) => s.view === 'grid'
const codec = urlCodec<State>(
  DEFAULTS,
  [
    field('view', keyOfParam({ list: 1, grid: 1 })),
    field('owner', idParam),
    field('listSort', keyOfParam({ title: 1, date: 1 }), { param: 'sort', readIf: (s) => !inGrid(s) }),
    field('gridSort', keyOfParam({ size: 1, date: 1 }), { param: 'sort', readIf: inGrid }),
    field('compact', flagParam, { writeIf: inGrid }),
    field('page', pageParam),
    field('size', pageSizeParam),
  ],
  'page',
)
const parse = (query: string) => codec.parse(new URLSearchParams(query))

describe('the URL-state codec every list page uses', () => {
  it('leaves defaults out and keeps parameters the page does not own', () => {
    const url = codec.write(
      { ...DEFAULTS, owner: '7', page: 2 },
      new URLSearchParams('sim_looks=500&owner=1'),
    )
    expect(url.toString()).toBe('sim_looks=500&owner=7&page=2')
    expect(codec.write(DEFAULTS).toString()).toBe('')
  })

  it('reads a shared parameter as the field of the state it is in', () => {
    expect(parse('view=grid&sort=size').state).toMatchObject({ gridSort: 'size', listSort: 'date' })
    expect(parse('sort=title').state).toMatchObject({ listSort: 'title', gridSort: 'size' })
    expect(parse('sort=size').invalid).toEqual([{ param: 'sort', value: 'size' }])
  })

  it('reports each unusable value, in order, and falls back to the default for it', () => {
    const { state, invalid } = parse('owner=<x>&sort=toString&page=0&size=30&compact=maybe')
    expect(state).toEqual(DEFAULTS)
    expect(invalid.map((i) => i.param)).toEqual(['owner', 'sort', 'compact', 'page', 'size'])
  })

  it('writes a field only where it applies', () => {
    expect(codec.write({ ...DEFAULTS, compact: true }).has('compact')).toBe(false)
    expect(codec.write({ ...DEFAULTS, view: 'grid', compact: true }).toString()).toBe('view=grid&compact=1')
  })
})
