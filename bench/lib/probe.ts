import type { Page } from '@playwright/test'

declare global {
  interface Window {
    __benchLastKey?: number
  }
}

/** Records the time of every keydown in the page, so "last keystroke" is measured where it happens. */
export async function recordKeystrokes(page: Page) {
  await page.evaluate(() => {
    window.addEventListener('keydown', () => (window.__benchLastKey = performance.now()), { capture: true })
  })
}

export interface PaintTiming {
  lastKey: number
  /** When the search request for `q` started and ended (resource timing). */
  requestStart: number
  responseEnd: number
  /** The frame after the results for `q` were in the DOM. */
  painted: number
}

/**
 * Start this before typing `q` (use a unique q: a cached search sends no request). It resolves once the
 * request for `q` has finished and the page shows its results as settled (table not stale, no progress
 * bar, or the empty state), and then the next frame has been painted.
 */
export function waitForResultsPainted(page: Page, q: string): Promise<PaintTiming> {
  return page.evaluate(
    (wanted) =>
      new Promise<PaintTiming>((resolve) => {
        const encoded = `q=${encodeURIComponent(wanted)}`
        const titleParam = `title=${encodeURIComponent(`%${wanted}%`)}`
        const request = () =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.name.includes('/looks/search') && e.name.includes(titleParam))
            .at(-1)
        const settled = () => {
          if (!location.search.includes(encoded) || !request()) return false
          if (document.querySelector('[role="progressbar"]')) return false
          const table = document.querySelector('table[aria-label="Looks"]')
          const empty = Array.from(document.querySelectorAll('h2')).some(
            (h) => h.textContent === 'No looks match',
          )
          return (table !== null && table.getAttribute('aria-busy') !== 'true') || empty
        }
        let done = false
        const check = () => {
          if (done || !settled()) return
          done = true
          observer.disconnect()
          clearInterval(poll)
          // rAF runs just before the paint; a message posted from it is handled after that frame.
          requestAnimationFrame(() => {
            const channel = new MessageChannel()
            channel.port1.onmessage = () => {
              const entry = request()
              resolve({
                lastKey: window.__benchLastKey ?? NaN,
                requestStart: entry?.startTime ?? NaN,
                responseEnd: (entry as PerformanceResourceTiming | undefined)?.responseEnd ?? NaN,
                painted: performance.now(),
              })
            }
            channel.port2.postMessage(null)
          })
        }
        const observer = new MutationObserver(check)
        observer.observe(document.body, { subtree: true, childList: true, attributes: true })
        // Resource entries and the URL change without DOM mutations of their own: poll them too.
        const poll = setInterval(check, 4)
      }),
    q,
  )
}
