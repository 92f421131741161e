import { screen } from '@testing-library/react'
import { http } from 'msw'
import type { QueryClient } from '@tanstack/react-query'
import { thumbnailSource } from '../api/thumbnails'
import { ContentThumbnail, type ContentThumbnailProps } from '../components/ContentThumbnail'
import { renderWithProviders } from './render'
import { server, sim, TEST_API } from './server'

/**
 * Looks' thumbnails as the features wire them: the shared component fed by the app's thumbnail source
 * (api/thumbnails.ts, with its queue and cache) over the simulator.
 */
export function renderThumbnails(
  thumbnails: Omit<ContentThumbnailProps, 'source' | 'width'>[],
  options: { queryClient?: QueryClient } = {},
) {
  return renderWithProviders(
    <>
      {thumbnails.map((t) => (
        <ContentThumbnail key={`${t.type}:${t.id}`} source={thumbnailSource} width={64} {...t} />
      ))}
    </>,
    options,
  )
}

/** The pictures on screen (decorative images: role presentation). */
export const shownPictures = () => screen.queryAllByRole<HTMLImageElement>('presentation')

/**
 * Holds every content_thumbnail request until the test releases it, counting how many are in flight at
 * once; a released one is answered by the simulator.
 */
export function holdThumbnails() {
  const held: { url: URL; release: () => void }[] = []
  let inFlight = 0
  let maxInFlight = 0
  server.use(
    http.get(`${TEST_API}/content_thumbnail/:type/:id`, async ({ request }) => {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      await new Promise<void>((release) => held.push({ url: new URL(request.url), release }))
      inFlight--
      return sim.handle(request)
    }),
  )
  return {
    held,
    get inFlight() {
      return inFlight
    },
    get maxInFlight() {
      return maxInFlight
    },
  }
}

/**
 * A stand-in IntersectionObserver (jsdom has none, and without one every box counts as in view): nothing
 * is in view until the test scrolls it there with `show`.
 */
export function fakeIntersectionObserver() {
  const observers: FakeObserver[] = []
  class FakeObserver {
    readonly watched = new Set<Element>()
    constructor(readonly callback: IntersectionObserverCallback) {
      observers.push(this)
    }
    observe(element: Element) {
      this.watched.add(element)
    }
    unobserve(element: Element) {
      this.watched.delete(element)
    }
    disconnect() {
      this.watched.clear()
    }
  }
  globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver
  return {
    /** Brings these elements (or every watched one) into view. */
    show(elements?: Element[]) {
      for (const observer of observers) {
        const targets = [...observer.watched].filter((e) => !elements || elements.includes(e))
        const entries = targets.map((target) => ({ target, isIntersecting: true }))
        if (entries.length > 0)
          observer.callback(
            entries as IntersectionObserverEntry[],
            observer as unknown as IntersectionObserver,
          )
      }
    },
    watchedCount: () => observers.reduce((n, o) => n + o.watched.size, 0),
  }
}
