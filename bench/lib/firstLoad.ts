import { gzipSync } from 'node:zlib'
import type { Browser } from '@playwright/test'

declare global {
  interface Window {
    __benchFirstRowPainted?: number
  }
}

export interface FirstLoad {
  /** ms from navigation start to the first result row painted. */
  paintedAt: number
  /** Every JS file requested before then, with its size as served and gzipped. */
  scripts: { name: string; bytes: number; gzip: number }[]
}

/**
 * Loads `url` (a /looks page) in a fresh browser context, so nothing is cached, and notes the frame in
 * which the first row of results is painted; then sums the JS the page had asked for by then. Each file
 * is fetched again from the server and gzipped here (zlib's default level, what servers send), so the
 * figure does not depend on whether the server compresses.
 */
export async function measureFirstLoad(browser: Browser, url: string): Promise<FirstLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    await context.addInitScript(() => {
      performance.setResourceTimingBufferSize(5000)
      const observer = new MutationObserver(() => {
        if (!document.querySelector('table[aria-label="Looks"] tbody tr a')) return
        observer.disconnect()
        // rAF runs just before the paint; a message posted from it is handled after that frame.
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => (window.__benchFirstRowPainted = performance.now())
          channel.port2.postMessage(null)
        })
      })
      observer.observe(document, { subtree: true, childList: true })
    })
    const page = await context.newPage()
    await page.goto(url)
    await page.waitForFunction(() => window.__benchFirstRowPainted !== undefined, null, { timeout: 120_000 })
    const { paintedAt, names, worker } = await page.evaluate(async () => {
      const painted = window.__benchFirstRowPainted ?? Infinity
      const js = performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime < painted && new URL(e.name).pathname.endsWith('.js'))
        .map((e) => e.name)
      // The service worker's script is fetched by the browser, not the page: it has no resource entry.
      const registration = await navigator.serviceWorker?.getRegistration()
      return { paintedAt: painted, names: js, worker: registration?.active?.scriptURL ?? null }
    })
    const all = [...new Set(worker ? [...names, worker] : names)]
    const scripts = await Promise.all(
      all.map(async (name) => {
        const body = Buffer.from(await (await fetch(name)).arrayBuffer())
        return { name: new URL(name).pathname, bytes: body.length, gzip: gzipSync(body).length }
      }),
    )
    return { paintedAt, scripts: scripts.sort((a, b) => b.gzip - a.gzip) }
  } finally {
    await context.close()
  }
}
