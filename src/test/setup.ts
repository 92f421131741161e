import '@testing-library/jest-dom/vitest'
import 'fake-indexeddb/auto'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { resetTaskSettings, server, signInAs, sim } from './server'

// The one wait limit for every find/waitFor, instead of one per call: a find waits for a state the app
// reaches through the simulator's requests and MUI renders in jsdom, and with several test files in
// parallel on a shared 2-core machine one such step can take seconds. A state that arrives ends the
// wait at once, so this slows no passing test; a missing one still fails, within 5 s.
configure({ asyncUtilTimeout: 5_000 })

// jsdom has no IntersectionObserver, and without one lib/useInView counts every box as in view: each row of
// every list then fetched its thumbnail in every test (24 requests per trash page), which cost a third of
// the trash tests' time and, under load, pushed a search result past the 5 s wait. jsdom has no layout, so
// here nothing scrolls into view; tests of thumbnails bring boxes into view (src/test/thumbnailKit.tsx).
if (typeof window !== 'undefined' && !('IntersectionObserver' in globalThis)) {
  globalThis.IntersectionObserver = class {
    readonly root = null
    readonly rootMargin = ''
    readonly thresholds: number[] = []
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return []
    }
  } as unknown as typeof IntersectionObserver
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  sim.reset()
  resetTaskSettings()
  sim.faults.setRules([])
  sim.requestLog.length = 0
  signInAs('admin')
})
afterEach(() => {
  cleanup()
  // Drafts and preferences must not leak from one test into the next (node-environment files have no storage).
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear()
  if (typeof localStorage !== 'undefined') localStorage.clear()
  server.resetHandlers()
})
afterAll(() => server.close())
