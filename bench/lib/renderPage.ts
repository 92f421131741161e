import type { Browser, Page } from '@playwright/test'
import type { ConnectedBench } from './connected'

export type Variant = 'paced' | 'fixed'

export const VARIANT_LABELS: Record<Variant, string> = {
  paced: 'ours (paced, no hints)',
  fixed: 'fixed 0.5 s (SDK example)',
}

/** One finished render as the benchmark saw it. */
export interface RenderSample {
  variant: Variant
  taskId: string
  lookId: string
  width: number
  height: number
  /** From the task's finalized_at (simulator = this machine's clock) to the image on screen. */
  paintDelayMs: number
  statusRequests: number
  /** GET …/results answered 202 (not ready): the pacing never asks for results early, so this stays 0. */
  resultPolls: number
  /** The task's own runtime (queue waits included), s. */
  runtimeS: number | null
  /** When each status request reached the simulator, ms after the task was created. */
  pollsAtMs: number[]
  /** Status requests the page saw fail or answered other than 200 (status and Retry-After). */
  pollFailures: string[]
  /** 1 for the first render of a look in a workload, 2 for the second, … */
  nth: number
}

const renderPath = (lookId: string, width: number, height: number) =>
  `/looks/${encodeURIComponent(lookId)}/render?format=png&width=${width}&height=${height}`

/** A page of the app, with THE policy or (`?poll=fixed-500`, a bench build only) the SDK example's loop. */
export async function openApp(browser: Browser, bench: ConnectedBench, variant: Variant, lookId: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const poll = variant === 'fixed' ? '&poll=fixed-500' : ''
  // Answers other than 200 to status requests (a busy proxy, a dropped connection) would skew the pacing.
  const failures: string[] = []
  page.on('response', (response) => {
    if (/\/render_tasks\/[^/]+$/.test(new URL(response.url()).pathname) && response.status() !== 200)
      failures.push(`${response.status()} ${response.headers()['retry-after'] ?? ''}`.trim())
  })
  page.on('requestfailed', (request) => {
    if (request.url().includes('/render_tasks/'))
      failures.push(`failed ${request.failure()?.errorText ?? ''}`)
  })
  await page.goto(`${bench.appUrl}${renderPath(lookId, 800, 600)}${poll}`)
  await renderButton(page).waitFor({ timeout: 60_000 })
  return { page, failures, close: () => context.close() }
}

const renderButton = (page: Page) => page.getByRole('button', { name: 'Render', exact: true })

/**
 * Moves to a look's render tab at a size inside the running app (the router follows the history API),
 * so the page keeps what it learned from earlier renders, as a user's tab would.
 */
export async function goTo(page: Page, lookId: string, title: string, width: number, height: number) {
  await page.evaluate(
    (path) => {
      window.history.pushState(null, '', path)
      window.dispatchEvent(new PopStateEvent('popstate'))
    },
    renderPath(lookId, width, height),
  )
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 30_000 })
  await page.getByRole('textbox', { name: 'Width' }).first().waitFor()
  const shown = await page
    .getByRole('form', { name: 'Render settings', exact: true })
    .getByRole('textbox', { name: 'Width' })
    .inputValue()
  if (shown !== String(width)) throw new Error(`render tab shows width ${shown}, expected ${width}`)
}

/** Clicks Render and waits for that render's image to be painted; returns the task id and delay. */
export async function renderAndWait(page: Page, timeoutMs: number) {
  const before = await page.evaluate(() => performance.getEntriesByName('lookbook:render-painted').length)
  await renderButton(page).click()
  await page.waitForFunction(
    (n) => performance.getEntriesByName('lookbook:render-painted').length > n,
    before,
    { timeout: timeoutMs, polling: 100 },
  )
  return page.evaluate(() => {
    const marks = performance.getEntriesByName('lookbook:render-painted')
    const mark = marks[marks.length - 1] as PerformanceMark
    const detail = mark.detail as { taskId: string; finalizedAt: string | null }
    const paintedAt = performance.timeOrigin + mark.startTime
    return { taskId: detail.taskId, paintDelayMs: paintedAt - Date.parse(detail.finalizedAt ?? '') }
  })
}

/** What the simulator logged for one task: status requests and results answered 202. */
export function requestsFor(bench: ConnectedBench, taskId: string) {
  const status = `/render_tasks/${taskId}`
  const log = bench.sim.requestLog
  return {
    statusRequests: log.filter((e) => e.method === 'GET' && e.path === status).length,
    resultPolls: log.filter((e) => e.method === 'GET' && e.path === `${status}/results` && e.status === 202)
      .length,
  }
}

/**
 * The task's runtime as Looker reports it, and when its status was asked (read after its requests were
 * counted: this read is one more).
 */
export async function timingsOf(bench: ConnectedBench, taskId: string) {
  const statusPath = `/render_tasks/${taskId}`
  const asked = bench.sim.requestLog
    .filter((e) => e.method === 'GET' && e.path === statusPath)
    .map((e) => e.at)
  const token = bench.sim.issueToken('1')
  const res = await bench.sim.handle(
    new Request(`http://bench.invalid/api/4.0${statusPath}`, {
      headers: { Authorization: `Bearer ${token}` },
    }),
  )
  const task = (await res.json()) as { runtime?: number | null; created_at?: string }
  const created = Date.parse(task.created_at ?? '')
  return { runtimeS: task.runtime ?? null, pollsAtMs: asked.map((at) => at - created) }
}
