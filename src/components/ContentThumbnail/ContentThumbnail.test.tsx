import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { aLook } from '../../test/builders'
import { createTestQueryClient } from '../../test/render'
import { recordRequests } from '../../test/server'
import {
  fakeIntersectionObserver,
  holdThumbnails,
  renderThumbnails,
  shownPictures,
} from '../../test/thumbnailKit'

const requests = recordRequests()
const thumbnailRequests = () => requests.filter((r) => r.url.pathname.includes('/content_thumbnail/'))
let viewport: ReturnType<typeof fakeIntersectionObserver>
let urls = 0
const live = new Set<string>()
let releaseAll = () => {}

beforeAll(() => {
  viewport = fakeIntersectionObserver()
  // jsdom has no object URLs: hand out names, and keep track of which are still alive.
  URL.createObjectURL = () => {
    const url = `blob:thumbnail-${++urls}`
    live.add(url)
    return url
  }
  URL.revokeObjectURL = (url: string) => void live.delete(url)
})
beforeEach(() => {
  releaseAll = () => {}
})
afterEach(() => releaseAll())

const looks = (n: number) => Array.from({ length: n }, () => aLook())
const asThumbnails = (list: ReturnType<typeof looks>) =>
  list.map((look) => ({ type: 'look' as const, id: look.id, version: look.updated_at }))

describe('content thumbnails', () => {
  it('ask for nothing until their box comes into view, then show the picture in the light theme', async () => {
    const [first, second] = looks(2)
    const { container } = renderThumbnails(asThumbnails([first!, second!]))
    await waitFor(() => expect(viewport.watchedCount()).toBe(2))
    expect(thumbnailRequests()).toEqual([])

    viewport.show([container.querySelector(':scope > div')!])
    await waitFor(() => expect(shownPictures()).toHaveLength(1))
    expect(thumbnailRequests()).toHaveLength(1)
    viewport.show()
    await waitFor(() => expect(shownPictures()).toHaveLength(2))
    expect(shownPictures()[0]).toHaveAttribute('alt', '')
    expect(thumbnailRequests().map((r) => r.url.searchParams.get('theme'))).toEqual(['light', 'light'])
    expect(thumbnailRequests().map((r) => r.url.pathname.split('/').slice(-2).join('/'))).toEqual([
      `look/${first!.id}`,
      `look/${second!.id}`,
    ])
  })

  it('never have more than 4 requests in flight: 10 in view make 4, the rest wait their turn', async () => {
    const held = holdThumbnails()
    releaseAll = () => held.held.forEach((h) => h.release())
    renderThumbnails(asThumbnails(looks(10)))
    await waitFor(() => expect(viewport.watchedCount()).toBe(10))
    viewport.show()
    await waitFor(() => expect(held.held).toHaveLength(4))
    // Nothing more starts while the four are out.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(held.held).toHaveLength(4)
    held.held[0]!.release()
    await waitFor(() => expect(held.held).toHaveLength(5))
    for (let released = 1; released < 10; released++) {
      held.held[released]!.release()
      await waitFor(() => expect(held.held.length).toBe(Math.min(10, released + 5)))
    }
    await waitFor(() => expect(shownPictures()).toHaveLength(10))
    expect(held.maxInFlight).toBe(4)
    expect(new Set(held.held.map((h) => h.url.pathname)).size).toBe(10)
  })

  it('are cached per look and updated_at: the same version asks nothing again, a new one asks once', async () => {
    const [look] = looks(1)
    const queryClient = createTestQueryClient()
    const first = renderThumbnails(asThumbnails([look!]), { queryClient })
    viewport.show()
    await waitFor(() => expect(shownPictures()).toHaveLength(1))
    first.unmount()
    // Unmounted, its object URL is given back.
    expect(live.size).toBe(0)

    const again = renderThumbnails(asThumbnails([look!]), { queryClient })
    viewport.show()
    await waitFor(() => expect(shownPictures()).toHaveLength(1))
    expect(thumbnailRequests()).toHaveLength(1)
    again.unmount()

    renderThumbnails([{ type: 'look', id: look!.id, version: '2030-01-01T00:00:00.000+00:00' }], {
      queryClient,
    })
    viewport.show()
    await waitFor(() => expect(thumbnailRequests()).toHaveLength(2))
    await waitFor(() => expect(shownPictures()).toHaveLength(1))
  })

  it('follow the dark theme', async () => {
    localStorage.setItem('lookbook.colorMode', 'dark')
    renderThumbnails(asThumbnails(looks(1)))
    viewport.show()
    await waitFor(() => expect(shownPictures()).toHaveLength(1))
    expect(thumbnailRequests()[0]?.url.searchParams.get('theme')).toBe('dark')
  })

  it('leave the neutral box, with no picture, when the thumbnail fails or cannot be shown', async () => {
    const { container } = renderThumbnails([
      { type: 'look', id: 'no-such-look', version: null },
      ...asThumbnails(looks(1)),
    ])
    viewport.show()
    await waitFor(() => expect(thumbnailRequests()).toHaveLength(2))
    await waitFor(() => expect(shownPictures()).toHaveLength(1))
    const boxes = container.querySelectorAll(':scope > div')
    expect(boxes).toHaveLength(2)
    expect(boxes[0]!.querySelector('img')).toBeNull()
    // A body that does not decode as a picture: the picture goes, the box stays the same size.
    fireEvent.error(shownPictures()[0]!)
    expect(shownPictures()).toHaveLength(0)
    expect(container.querySelectorAll(':scope > div')).toHaveLength(2)
    expect(screen.queryByRole('img')).toBeNull()
  })
})
