/**
 * `npm run bench:search`: the look search against a production demo build whose simulator holds 50,000
 * looks. Prints numbers; it is a benchmark, not a test, and never fails on noise.
 *
 * Part 4 (open a look after pointing at it) also runs against a baseline commit's build, side by side.
 *
 * Env: BENCH_PORT (4312), BENCH_LOOKS (50000), BENCH_REUSE_BUILD=1 to skip the build, BENCH_OPENS (looks
 * opened in part 4, default 10), BENCH_BASELINE (a git ref, default 29776fb: main before the hover
 * prefetch of the look page's code and folders; "none" to skip), CHROMIUM_PATH.
 */
import { chromium, type Page, type Request, type Response } from '@playwright/test'
import { join } from 'node:path'
import { treeAt } from './lib/baseline'
import { freePort } from './lib/ports'
import { waitForResultsPainted, waitForTitlePainted, recordKeystrokes } from './lib/probe'
import { build, buildDemo, preview, serve } from './lib/serve'
import { ms, percentile, serverTimingMs, summary } from './lib/stats'
import { chromiumLaunchOptions } from '../e2e/chromium'

const PORT = Number(process.env.BENCH_PORT ?? 4312)
const LOOKS = Number(process.env.BENCH_LOOKS ?? 50_000)
const OUT = 'dist-bench'
const OPENS = Number(process.env.BENCH_OPENS ?? 10)
const BASELINE = process.env.BENCH_BASELINE ?? '29776fb'
const SIM = `sim_looks=${LOOKS}&sim_seed=1&sim_latency=0`
// One word each, all different, so no search is answered from the cache.
const WORDS = ['margin', 'weekly', 'orders', 'pacing', 'target', 'legacy', 'sessions', 'inventory', 'exec']
const TERMS = [
  'revenue',
  'quarter',
  'mobile',
  'partner',
  'wholesale',
  'signup',
  'retention',
  'invoice',
  'draft',
  'board',
  'campaign',
  'ledger',
  'tax',
  'morning',
  'enterprise',
  'churn',
  'region',
  'customers',
  'trailing',
  'channel',
  'plan',
  'brand',
  'funnel',
  'supply',
]
const ENTER_TERMS = ['apac', 'emea', 'online', 'accounts', 'events', 'users', 'monthly', 'deck']

interface SearchRecord {
  url: string
  outcome: 'pending' | 'finished' | 'failed'
  serverMs: number | null
}

/** Every /looks/search request the page makes, with its outcome and the simulator's own time. */
function trackSearches(page: Page) {
  const log: SearchRecord[] = []
  const byRequest = new Map<object, SearchRecord>()
  page.on('request', (request) => {
    if (!request.url().includes('/api/4.0/looks/search')) return
    const record: SearchRecord = { url: request.url(), outcome: 'pending', serverMs: null }
    byRequest.set(request, record)
    log.push(record)
  })
  page.on('response', (response: Response) => {
    const record = byRequest.get(response.request())
    if (record) record.serverMs = serverTimingMs(response.headers()['server-timing'])
  })
  page.on('requestfinished', (request) => {
    const record = byRequest.get(request)
    if (record) record.outcome = 'finished'
  })
  page.on('requestfailed', (request) => {
    const record = byRequest.get(request)
    if (record) record.outcome = 'failed'
  })
  return log
}

async function typeTerm(page: Page, term: string, finish: 'pause' | 'enter') {
  const box = page.getByRole('searchbox', { name: 'Search looks' })
  await box.click()
  await box.press('ControlOrMeta+a')
  // 60 ms between keys: a brisk typist, well inside the 250 ms debounce.
  await box.pressSequentially(term, { delay: 60 })
  if (finish === 'enter') await box.press('Enter')
}

async function main() {
  buildDemo(OUT, process.env.BENCH_REUSE_BUILD === '1')
  const server = await preview(OUT, PORT)
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    // tsx (esbuild keepNames) wraps named functions in __name(); functions sent to page.evaluate need it too.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
    // The probes find each search by its resource timing entry; thumbnails fill the default buffer of 250
    // entries within a few searches, after which new requests get no entry.
    await page.addInitScript({ content: 'performance.setResourceTimingBufferSize(100000)' })
    const searches = trackSearches(page)
    const startedAt = Date.now()
    await page.goto(`${server.url}/looks?${SIM}`)
    await page.getByRole('table', { name: 'Looks' }).waitFor({ timeout: 180_000 })
    console.log(`\nLook search benchmark: ${LOOKS.toLocaleString('en')} looks, production demo build`)
    console.log(`first page of results after ${ms(Date.now() - startedAt)} (includes seeding the simulator)`)
    await recordKeystrokes(page)

    // 1. Requests per typed word.
    const perWord: number[] = []
    let cancelled = 0
    for (const word of WORDS) {
      const before = searches.length
      const painted = waitForResultsPainted(page, word)
      await typeTerm(page, word, 'pause')
      await painted
      const sent = searches.slice(before)
      perWord.push(sent.length)
      cancelled += sent.filter((s) => s.outcome === 'failed').length
    }
    console.log(`\n1. search requests per typed word (${WORDS.length} words typed at 60 ms a key):`)
    console.log(
      `   ${perWord.join(', ')}  → mean ${(perWord.reduce((a, b) => a + b, 0) / perWord.length).toFixed(2)}; cancelled: ${cancelled}`,
    )

    // 2. Last keystroke → results painted.
    const measure = async (terms: string[], finish: 'pause' | 'enter') => {
      const total: number[] = []
      const afterRequest: number[] = []
      const afterResponse: number[] = []
      const server: number[] = []
      for (const term of terms) {
        const before = searches.length
        const painted = waitForResultsPainted(page, term)
        await typeTerm(page, term, finish)
        const t = await painted
        total.push(t.painted - t.lastKey)
        afterRequest.push(t.painted - t.requestStart)
        afterResponse.push(t.painted - t.responseEnd)
        const sim = searches
          .slice(before)
          .filter((s) => s.outcome === 'finished')
          .at(-1)?.serverMs
        if (sim != null) server.push(sim)
      }
      return { total, afterRequest, afterResponse, server }
    }
    const typed = await measure(TERMS, 'pause')
    const entered = await measure(ENTER_TERMS, 'enter')
    const p = (values: number[], q: number) => percentile(values, q)
    console.log(`\n2. last keystroke → results painted`)
    console.log(`   typing then pausing (includes the 250 ms debounce): ${summary(typed.total)}`)
    console.log(`   typing then Enter (no debounce):                    ${summary(entered.total)}`)
    const sent = [...typed.afterRequest, ...entered.afterRequest]
    const sim = [...typed.server, ...entered.server]
    console.log(`   request sent → results painted:                     ${summary(sent)}`)
    console.log(`   simulator's own time (Server-Timing):               ${summary(sim)}`)
    console.log(
      `   response received → results painted (app render):   ${summary([...typed.afterResponse, ...entered.afterResponse])}`,
    )
    console.log(
      `   above server time: p50 ${ms(p(sent, 50) - p(sim, 50))}, p95 ${ms(p(sent, 95) - p(sim, 95))} (Enter path: p50 ${ms(p(entered.total, 50) - p(entered.server, 50))}, p95 ${ms(p(entered.total, 95) - p(entered.server, 95))})`,
    )

    // 3. Bytes per page of 50, with and without fields=.
    await page.goto(`${server.url}/looks?${SIM}&q=revenue&size=50`)
    await page.getByRole('table', { name: 'Looks' }).waitFor({ timeout: 180_000 })
    const bytes = await compareFields(page)
    console.log(
      `\n3. bytes per page of 50 (JSON, uncompressed): with fields= ${bytes.withFields.toLocaleString('en')}, without ${bytes.without.toLocaleString('en')} → ${(bytes.withFields / bytes.without).toFixed(3)} (1/${(bytes.without / bytes.withFields).toFixed(1)})`,
    )

    // 4. Open a look from the list after the hover prefetch: the baseline's build, then this tree's.
    const before = await openAfterPrefetchAt(BASELINE, page)
    const opens = await openAfterPrefetch(page, server.url)
    console.log(
      `\n4. open a look after hovering it, click event → frame painted with its title (${OPENS} looks):`,
    )
    for (const [label, run] of [
      ...(before ? [[before.label, before.opens] as const] : []),
      ['this tree', opens] as const,
    ]) {
      console.log(`   ${label.padEnd(10)} ${summary(run.times)}`)
      console.log(
        `   ${''.padEnd(10)} with the harness's click and polling (the figure reported before 2026-11-30): ${summary(run.harness)}`,
      )
      console.log(
        `   ${''.padEnd(10)} look-detail requests after the click: ${run.detailRequests} (target 0); all API requests after the click: ${run.otherRequests.join(' | ') || 'none'}`,
      )
    }
    console.log('')
  } finally {
    await browser.close()
    server.stop()
  }
}

/** Replays the app's own search request (as the same demo user) without `fields=` and compares body sizes. */
async function compareFields(page: Page) {
  return page.evaluate(async () => {
    const entry = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/looks/search') && e.name.includes('limit=50'))
      .at(-1)
    if (!entry) throw new Error('no search request of 50 seen')
    const url = new URL(entry.name)
    const token = await (async () => {
      // The demo signs in with the simulator's published demo keys; ask for a token the same way.
      const res = await fetch('/api/4.0/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'client_id=demo-admin&client_secret=demo-admin-secret',
      })
      return ((await res.json()) as { access_token: string }).access_token
    })()
    const size = async (u: URL) => {
      const res = await fetch(u, { headers: { Authorization: `Bearer ${token}` } })
      return (await res.arrayBuffer()).byteLength
    }
    const withFields = await size(url)
    url.searchParams.delete('fields')
    const without = await size(url)
    return { withFields, without }
  })
}

/** Follows the page's API requests from now on; `quiet()` resolves once none has been open for `quietMs`. */
function trackApi(page: Page) {
  const open = new Set<object>()
  const onRequest = (request: Request) => {
    if (request.url().includes('/api/4.0/')) open.add(request)
  }
  const onDone = (request: Request) => open.delete(request)
  page.on('request', onRequest)
  page.on('requestfinished', onDone)
  page.on('requestfailed', onDone)
  return {
    async quiet(quietMs = 300) {
      let quietSince = Date.now()
      while (Date.now() - quietSince < quietMs) {
        await page.waitForTimeout(50)
        if (open.size > 0) quietSince = Date.now()
      }
    },
    stop() {
      page.off('request', onRequest)
      page.off('requestfinished', onDone)
      page.off('requestfailed', onDone)
    },
  }
}

/** Part 4 against the demo build of `ref` (unpacked and built in a temp folder); null without a baseline. */
async function openAfterPrefetchAt(ref: string, page: Page) {
  const tree = ref === 'none' ? null : treeAt(ref)
  if (!tree) return null
  try {
    console.log(`building the baseline ${tree.label} …`)
    build({ outDir: join(tree.dir, OUT), mode: 'demo', cwd: tree.dir })
    const server = await serve({
      outDir: join(tree.dir, OUT),
      port: await freePort(),
      mode: 'demo',
      cwd: tree.dir,
    })
    try {
      return { label: tree.label, opens: await openAfterPrefetch(page, server.url) }
    } finally {
      server.stop()
    }
  } finally {
    tree.dispose()
  }
}

async function openAfterPrefetch(page: Page, base: string) {
  const times: number[] = []
  const harness: number[] = []
  let detailRequests = 0
  const otherRequests = new Set<string>()
  for (let i = 0; i < OPENS; i++) {
    const api = trackApi(page)
    await page.goto(`${base}/looks?${SIM}&page=${3 + i}`)
    const link = page
      .getByRole('table', { name: 'Looks' })
      .getByRole('link')
      .nth(i + 2)
    await link.waitFor({ timeout: 180_000 })
    // A reader points at a row once the page is done loading (what loads after the first results, too).
    await api.quiet()
    api.stop()
    const title = (await link.textContent()) ?? ''
    const href = (await link.getAttribute('href')) ?? ''
    const id = href.split('/').pop() ?? ''
    const prefetched = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(`/looks/${id}`))
    await link.hover()
    await prefetched
    const after: string[] = []
    const listen = (request: { url: () => string }) => {
      const path = new URL(request.url()).pathname
      if (path.includes('/api/4.0/')) after.push(path.replace(/.*\/api\/4\.0/, ''))
    }
    page.on('request', listen)
    const painted = waitForTitlePainted(page, title)
    const called = await page.evaluate(() => performance.now())
    await link.click()
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    const found = await page.evaluate(() => performance.now())
    const timing = await painted
    page.off('request', listen)
    times.push(timing.painted - timing.clicked)
    harness.push(found - called)
    detailRequests += after.filter((path) => path === `/looks/${id}`).length
    for (const path of after) otherRequests.add(path.replace(/\d+/g, ':id'))
  }
  return { times, harness, detailRequests, otherRequests: [...otherRequests] }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
