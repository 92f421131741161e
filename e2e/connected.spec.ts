import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page, Request } from '@playwright/test'
import { connectedE2e } from '../playwright.connected.config'
import { expect, test } from './fixtures'

const { host, BAD_PROXY, OAUTH, SIM, DEMO, PROXY_OUT, OAUTH_OUT } = connectedE2e
const SECRET = process.env.E2E_PROXY_SECRET ?? ''

/** Every request the page makes, the proxy's refusals, and CSP violations reported inside the page. */
async function watch(page: Page) {
  const requests: Request[] = []
  const refusals: string[] = []
  page.on('request', (r) => requests.push(r))
  page.on('response', (r) => {
    if (r.status() !== 403 || !new URL(r.url()).pathname.startsWith('/api/4.0/')) return
    void r.text().then((body) => {
      if (body.includes('lookbook_proxy_problem')) refusals.push(`${r.request().method()} ${r.url()}`)
    })
  })
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __csp: string[] }).__csp = seen
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  return {
    requests,
    refusals,
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/** The chunk that holds msw and the simulator (demo mode), found by what it contains. */
async function demoChunks(dir: string): Promise<string[]> {
  const names: string[] = []
  for (const file of await filesUnder(join(dir, 'assets'))) {
    if (!file.endsWith('.js')) continue
    const text = await readFile(file, 'utf8')
    if (text.includes('mockServiceWorker') || text.includes('demo-admin-secret'))
      names.push(file.split('/').pop()!)
  }
  return names
}

test.describe('connected through the server proxy', () => {
  test('an analyst signed in through the proxy searches, edits and renders a look', async ({
    renderPanel: panel,
    lookPage: look,
    lookSearch: search,
    page,
    consoleErrors,
  }) => {
    const { requests, refusals, cspViolations } = await watch(page)
    await search.open()
    await search.search('Conversion')
    await search.settled()
    await search.resultLink('Conversion % by channel').click()
    await expect(look.heading()).toHaveText('Conversion % by channel')
    const lookId = /\/looks\/([^/?]+)/.exec(page.url())![1]
    const title = `Conversion % by channel (checked ${new Date().toISOString().slice(0, 10)})`
    await look.rename(title)
    await expect(look.heading()).toHaveText(title)

    await panel.open(lookId)
    await panel.renderButton().click()
    // npm run sim renders in its own time (1.5–5 s plus the query) and polling adds its intervals: more than
    // the 10 s assertion default on a loaded machine. This waits for the render, not for slowness.
    await expect(panel.image(title)).toBeVisible({ timeout: 20_000 })
    expect((await panel.naturalSize(title)).width).toBeGreaterThan(0)

    // The browser talked only to the app's own origin, and never sent a credential.
    const urls = requests.map((r) => r.url()).filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'))
    expect(urls.filter((u) => !u.startsWith(host(connectedE2e.PROXY)))).toEqual([])
    expect(requests.filter((r) => r.headers().authorization).map((r) => r.url())).toEqual([])
    // Connected mode never fetches msw or the simulator, though the chunk exists in the build.
    const demo = await demoChunks(PROXY_OUT)
    expect(demo.length).toBeGreaterThan(0)
    const fetched = requests.map((r) => r.url())
    for (const chunk of demo) expect(fetched.filter((u) => u.includes(chunk))).toEqual([])
    expect(fetched.filter((u) => u.includes('mockServiceWorker'))).toEqual([])
    expect(await cspViolations()).toEqual([])
    expect(refusals).toEqual([])
    expect(consoleErrors).toEqual([])
  })

  test('the rest of an analyst’s work passes the proxy’s allowlist', async ({
    lookPage: look,
    renderPanel: panel,
    connection,
    page,
    consoleErrors,
  }) => {
    const { requests, refusals } = await watch(page)
    // Look 3 is in Shared › Sales, which the analyst may edit; look 2 has rows; look 1 is on a dashboard.
    await look.open('3')
    await look.sendToFolder('Move', 'Marketing')
    await expect(look.folderPath().getByRole('link', { name: 'Marketing' })).toBeVisible()
    await look.action('Delete').click()
    await expect(look.trashBanner()).toBeVisible()
    await look
      .snackbar(/to the trash/)
      .getByRole('button', { name: 'Undo' })
      .click()
    await expect(look.trashBanner()).toHaveCount(0)

    await page.goto('/looks/2/data')
    await expect(panel.dataTable('utm_source breakdown')).toBeVisible()
    await panel.open('1')
    await expect(panel.dashboardChoice()).toHaveText('Marketing Funnel')
    await panel.renderDashboardButton().click()
    // npm run sim renders in its own time (as in the first story): this waits for the render.
    await expect(panel.renderedDashboard('Marketing Funnel')).toBeVisible({ timeout: 20_000 })
    await connection.openSettings()
    await expect(connection.detail(/Andy Analyst/)).toBeVisible()

    const operations = new Set(
      requests
        .filter((r) => r.url().includes('/api/4.0/'))
        .map((r) => `${r.method()} ${new URL(r.url()).pathname.replace(/\/\d+(?=\/|$)/g, '/{id}')}`),
    )
    for (const op of ['PATCH /api/4.0/looks/{id}/move', 'POST /api/4.0/query_tasks', 'GET /api/4.0/versions'])
      expect([...operations]).toContain(op)
    expect(refusals).toEqual([])
    expect(consoleErrors).toEqual([])
  })

  test('a Looker answer opened directly is a download, never a page in the app’s origin', async ({
    page,
  }) => {
    await page.goto('/looks')
    const downloading = page.waitForEvent('download')
    // The HTML export of a look, as a link would open it: Looker's HTML must not run as our page.
    await page.goto('/api/4.0/looks/2/run/html').catch(() => undefined)
    const download = await downloading
    expect(await readFile((await download.path()) ?? '', 'utf8')).toContain('<table')
    await expect(page).toHaveURL(/\/looks$/)
  })

  test('an SVG thumbnail through the proxy is still an image for the app (fetch → blob → <img>)', async ({
    page,
  }) => {
    await page.goto('/looks')
    // How the dashboards and admin pages will show thumbnails: never as a document, always as an image.
    const shown = await page.evaluate(async () => {
      const res = await fetch('/api/4.0/content_thumbnail/look/1?format=svg&width=120&height=80')
      const blob = await res.blob()
      const img = new Image()
      img.src = URL.createObjectURL(blob)
      await img.decode()
      return { type: blob.type, disposition: res.headers.get('content-disposition'), width: img.naturalWidth }
    })
    expect(shown).toMatchObject({ type: 'image/svg+xml', disposition: 'attachment' })
    expect(shown.width).toBeGreaterThan(0)
  })

  test('through the proxy, a LookML dashboard renders as a PDF shown inline: no refusal, no CSP violation', async ({
    dashboards,
    page,
    consoleErrors,
  }) => {
    const { refusals, cspViolations, requests } = await watch(page)
    await dashboards.open('?kind=lookml')
    const list = dashboards.list('LookML dashboards')
    await expect(list.locator('img').first()).toBeVisible()
    await list.getByRole('link', { name: 'Business Pulse' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Business Pulse' })).toBeVisible()
    await dashboards.render().getByRole('button', { name: 'Render dashboard' }).click()
    const first = dashboards.pdfPages().getByRole('img', { name: /^Page 1 of \d+$/ })
    await expect(first).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 })
    // pdf.js's worker came from our own origin, under the built app's policy.
    const worker = requests.find((r) => /pdf\.worker.*\.mjs$/.test(new URL(r.url()).pathname))
    expect(new URL(worker?.url() ?? 'http://none').host).toBe(new URL(page.url()).host)
    expect(refusals).toEqual([])
    expect(await cspViolations()).toEqual([])
    expect(consoleErrors).toEqual([])
  })

  test('an expired token is renewed without the user noticing', async ({
    lookSearch: search,
    connection,
    page,
    consoleErrors,
  }) => {
    const failures: string[] = []
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`)
    })
    await connection.openSettings()
    await expect(connection.detail(/Andy Analyst/)).toBeVisible()
    // The simulator's tokens last 8 s: wait past that, then work again.
    await page.waitForTimeout(9_000)
    await search.open('?q=revenue')
    await search.settled()
    await expect(search.resultLinks().first()).toBeVisible()
    await connection.openSettings()
    await expect(connection.detail(/Andy Analyst/)).toBeVisible()
    expect(failures).toEqual([])
    expect(consoleErrors).toEqual([])
  })

  test('wrong credentials give a clear message', async ({ connection, page }) => {
    await page.goto(`${host(BAD_PROXY)}/looks`)
    await expect(connection.cannotConnect()).toBeVisible()
    await expect(connection.problem()).toContainText('refused the API key')
    await expect(connection.problem()).toContainText('LOOKER_CLIENT_ID and LOOKER_CLIENT_SECRET')
    await page.getByRole('button', { name: 'Try again' }).click()
    await expect(connection.problem()).toContainText('refused the API key')
  })

  test('the secret and the tokens stay out of the built files and the browser', async ({
    lookSearch: search,
    page,
  }) => {
    const { requests } = await watch(page)
    await search.open()
    await search.settled()
    expect(SECRET.length).toBeGreaterThan(20)
    for (const dir of [PROXY_OUT, OAUTH_OUT]) {
      for (const file of await filesUnder(dir)) {
        const bytes = await readFile(file)
        expect(bytes.includes(SECRET), `${file} contains the secret`).toBe(false)
        expect(bytes.includes('e2e-analyst'), `${file} contains the API client id`).toBe(false)
      }
    }
    const bodies = await Promise.all(
      requests.filter((r) => r.url().includes('/__lookbook/')).map(async (r) => (await r.response())?.text()),
    )
    expect(bodies.join('')).not.toMatch(/access_token|client_secret|e2e-analyst/)
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))
    expect(storage).not.toMatch(/token/i)
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(csp).toContain("script-src 'self'")
  })
})

test.describe('the same build without LOOKER_*', () => {
  test.use({ baseURL: host(DEMO) })

  test('npm start serves the demo: the simulator loads in the browser', async ({
    lookSearch: search,
    page,
    shell,
    consoleErrors,
  }) => {
    const { requests, cspViolations } = await watch(page)
    await search.open('?q=revenue')
    await search.settled()
    await expect(search.resultLinks().first()).toBeVisible()
    await expect(shell.connectionChip()).toHaveAccessibleName('Connection: Demo data')
    // Chosen at run time: the build is the connected test's, and only the server's answer differs.
    const fetched = requests.map((r) => r.url())
    const demo = await demoChunks(PROXY_OUT)
    expect(demo.filter((chunk) => fetched.some((u) => u.includes(chunk)))).not.toEqual([])
    const worker = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL,
    )
    expect(worker).toBe(`${host(DEMO)}/mockServiceWorker.js`)
    expect(await cspViolations()).toEqual([])
    expect(consoleErrors).toEqual([])
  })
})

test.describe('connected with OAuth', () => {
  test.use({ baseURL: host(OAUTH) })

  test('a user signs in with Looker, uses the app, and signs out', async ({
    lookSearch: search,
    connection,
    page,
    consoleErrors,
  }) => {
    const { cspViolations } = await watch(page)
    let accessToken = ''
    page.on('response', (r) => {
      if (r.url() === `${host(SIM)}/api/token`)
        void r.json().then((t: { access_token: string }) => (accessToken = t.access_token))
    })
    const failed: string[] = []
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`)
    })
    await page.goto('/looks?q=revenue')
    await expect(page).toHaveURL(new RegExp(`^${host(SIM)}/auth\\?`))
    await connection.consent('Andy Analyst')
    // Back where the user started, signed in.
    await expect(page).toHaveURL(`${host(OAUTH)}/looks?q=revenue`)
    await search.settled()
    await expect(search.resultLinks().first()).toBeVisible()
    expect(accessToken).not.toBe('')
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))
    expect(storage).not.toContain(accessToken)
    expect(storage).not.toMatch(/refresh|access_token/)

    // Past the 8 s token lifetime: renewed with the refresh token, in the background.
    await page.waitForTimeout(9_000)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await expect(connection.detail(/Andy Analyst/)).toBeVisible()
    await expect(connection.detail('OAuth: your own Looker account')).toBeVisible()
    await expect(connection.detail(/API 4\.0/)).toBeVisible()

    expect(failed).toEqual([])
    expect(consoleErrors).toEqual([])
    await connection.signOutButton().click()
    await expect(page.getByRole('heading', { level: 1, name: 'Signed out' })).toBeVisible()
    await page.reload()
    // Signing out sticks for this tab: no silent sign-in on reload.
    await expect(connection.signInButton()).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`^${host(OAUTH)}/`))
    expect(await cspViolations()).toEqual([])
  })

  test('a tampered state is refused', async ({ page }) => {
    const exchanges: string[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('/api/token')) exchanges.push(r.url())
    })
    await page.goto('/looks')
    await expect(page).toHaveURL(new RegExp(`^${host(SIM)}/auth\\?`))
    const code = 'stolen-code'
    await page.goto(`/oauth/callback?code=${code}&state=forged-state`)
    await expect(page.getByRole('heading', { level: 1, name: 'Sign-in failed' })).toBeVisible()
    await expect(page.getByRole('alert')).toContainText('does not match the sign-in this browser started')
    expect(exchanges).toEqual([])
  })
})
