import { describe, expect, it } from 'vitest'
import { subtreeIds } from './folderScope'

describe('subtreeIds', () => {
  const folders = [
    { id: '1', parent_id: null },
    { id: '10', parent_id: '1' },
    { id: '11', parent_id: '10' },
    { id: '12', parent_id: '11' },
    { id: '20', parent_id: '1' },
    { id: '30', parent_id: '2' },
  ]

  it('a folder with its descendants at every depth, and nothing from other trees', () => {
    expect(subtreeIds(folders, '10')).toEqual(['10', '11', '12'])
    expect(subtreeIds(folders, '1')).toEqual(['1', '10', '20', '11', '12'])
  })

  it('a leaf, or a folder missing from the list, is just itself', () => {
    expect(subtreeIds(folders, '12')).toEqual(['12'])
    expect(subtreeIds(folders, '99')).toEqual(['99'])
  })

  it('a malformed answer with a cycle still ends', () => {
    expect(
      subtreeIds(
        [
          { id: 'a', parent_id: 'b' },
          { id: 'b', parent_id: 'a' },
        ],
        'a',
      ),
    ).toEqual(['a', 'b'])
  })
})
