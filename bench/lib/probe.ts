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

export interface OpenTiming {
  /** The click event's time (the user's click, not the harness's call). */
  clicked: number
  /** The frame after a level-1 heading reading `title` was in the DOM. */
  painted: number
}

/**
 * Start this before clicking a link to a look titled `title`. Measured in the page, like the keystroke
 * timings: from the click event to the frame painted after the look's title heading appears, so the
 * harness's own work (actionability checks, round trips to the browser) is not counted.
 */
export function waitForTitlePainted(page: Page, title: string): Promise<OpenTiming> {
  return page.evaluate(
    (wanted) =>
      new Promise<OpenTiming>((resolve) => {
        let clicked = NaN
        document.addEventListener('click', (event) => (clicked = event.timeStamp), {
          capture: true,
          once: true,
        })
        const shown = () =>
          Array.from(document.querySelectorAll('h1')).some((h) => h.textContent === wanted) &&
          location.pathname.startsWith('/looks/')
        const observer = new MutationObserver(() => {
          if (Number.isNaN(clicked) || !shown()) return
          observer.disconnect()
          // As in waitForResultsPainted: rAF runs just before the paint, the message after it.
          requestAnimationFrame(() => {
            const channel = new MessageChannel()
            channel.port1.onmessage = () => resolve({ clicked, painted: performance.now() })
            channel.port2.postMessage(null)
          })
        })
        observer.observe(document.body, { subtree: true, childList: true, characterData: true })
      }),
    title,
  )
}
