import { expect, test, type Locator, type Page } from '@playwright/test'

/**
 * The chaos suite's settings (issue 17). The fault spec applies to every API call of the page; the fault
 * dice are seeded from the simulator's seed, so the same run of clicks meets the same faults.
 * `npm run test:chaos` runs the heavier spec through CHAOS_FAULTS.
 */
export const CHAOS_FAULTS = process.env.CHAOS_FAULTS ?? '429@0.3;503@0.1;drop@0.05'

/** The page's URL with the fault spec: read once, when the page (and its simulator) loads. */
export const withFaults = (path: string) =>
  `${path}${path.includes('?') ? '&' : '?'}sim_faults=${encodeURIComponent(CHAOS_FAULTS)}`

/**
 * What a patient user does when something did not load: waits, and presses the Retry the page offers,
 * until `done` shows. Reads keep their own retry policy; this only presses what is on screen.
 */
export async function persist(page: Page, done: Locator, timeout = 60_000) {
  const retry = page.getByRole('button', { name: /^(Retry|Try again)$/ })
  await expect(async () => {
    if (await retry.first().isVisible()) await retry.first().click()
    await expect(done.first()).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout })
}

interface SimCounts {
  faults: Record<string, number>
  requests: number
  writes: number
  refusedWrites: number
}

/**
 * Counts from the page's simulator since the page loaded: faults injected, requests, writes sent, and writes
 * answered by a fault (429, 503 or a drop: each one either waited out and sent again, or told to the user).
 */
export async function simCounts(page: Page): Promise<SimCounts> {
  return page.evaluate(() => {
    const sim = (
      globalThis as {
        __LOOKER_SIM__?: {
          faults: { stats: Record<string, number> }
          requestLog: { method: string; path: string; status: number }[]
        }
      }
    ).__LOOKER_SIM__!
    // Writes of the flows (not the demo sign-in's POST /login): looks, queries and render tasks.
    const writes = sim.requestLog.filter(
      (e) => e.method !== 'GET' && /^\/(looks|queries|render_tasks)/.test(e.path),
    )
    return {
      faults: { ...sim.faults.stats },
      requests: sim.requestLog.length,
      writes: writes.length,
      refusedWrites: writes.filter((e) => [0, 429, 503].includes(e.status)).length,
    }
  })
}

/** Requests the simulator answered with success, by method and path pattern: the effects that took place. */
export async function successfulWrites(page: Page, method: string, path: RegExp): Promise<number> {
  return page.evaluate(
    ({ method, source }) => {
      const sim = (
        globalThis as { __LOOKER_SIM__?: { requestLog: { method: string; path: string; status: number }[] } }
      ).__LOOKER_SIM__!
      const pattern = new RegExp(source)
      return sim.requestLog.filter(
        (e) => e.method === method && pattern.test(e.path) && e.status >= 200 && e.status < 300,
      ).length
    },
    { method, source: path.source },
  )
}

/** The id of the simulator's folder with this name (the seeded names of Shared's folders are unique). */
export async function simFolderId(page: Page, name: string): Promise<string> {
  return page.evaluate((folderName) => {
    const sim = (
      globalThis as { __LOOKER_SIM__?: { store: { data: { folders: { id: string; name: string }[] } } } }
    ).__LOOKER_SIM__!
    const found = sim.store.data.folders.filter((f) => f.name === folderName)
    if (found.length !== 1) throw new Error(`${found.length} folders named ${folderName}`)
    return found[0].id
  }, name)
}

/** The simulator's looks, read directly (no faults): the end state the story checks. */
export async function simLooks(page: Page) {
  return page.evaluate(() => {
    const sim = (
      globalThis as {
        __LOOKER_SIM__?: {
          store: { data: { looks: { id: string; title: string; folder_id: string; deleted: boolean }[] } }
        }
      }
    ).__LOOKER_SIM__!
    return sim.store.data.looks.map(({ id, title, folder_id, deleted }) => ({
      id,
      title,
      folder_id,
      deleted,
    }))
  })
}

/** One line per story for the closing note: the spec, what was injected, what was sent, what took effect. */
export function report(story: string, counts: SimCounts, effects: Record<string, number>) {
  const line =
    `chaos[${CHAOS_FAULTS}] ${story}: requests=${counts.requests} faults=${JSON.stringify(counts.faults)} ` +
    `writes sent=${counts.writes} answered by a fault=${counts.refusedWrites} effects=${JSON.stringify(effects)}`
  console.log(line)
  test.info().annotations.push({ type: 'chaos', description: line })
}
