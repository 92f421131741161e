import { randomBytes } from 'node:crypto'
import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from './e2e/chromium'
import { runPorts } from './e2e/ports'

/**
 * Connected mode over real HTTP (docs/decisions/0009-connected-mode.md):
 * - `npm run sim` on SIM stands in for a Looker instance (8 s tokens, CORS for the OAuth app's origin);
 * - a connected build served by `vite preview` with the proxy: PROXY with a good API key, BAD_PROXY with a wrong one;
 * - an OAuth build (VITE_LOOKER_URL → the simulator) served on OAUTH.
 * The four ports are free ones chosen at run time (E2E_CONNECTED_PORTS=proxy,sim,bad,oauth sets them).
 * The proxy's API key secret is random per run, so the tests can search the built files for it.
 */
const [PROXY, SIM, BAD_PROXY, OAUTH] = runPorts('E2E_CONNECTED_PORTS', 4)
const host = (port: number) => `http://127.0.0.1:${port}`
process.env.E2E_PROXY_SECRET ??= randomBytes(18).toString('hex')
const SECRET = process.env.E2E_PROXY_SECRET
const PROXY_OUT = `dist-e2e-${PROXY}`
const OAUTH_OUT = `dist-e2e-${OAUTH}`

export const connectedE2e = { SIM, PROXY, BAD_PROXY, OAUTH, PROXY_OUT, OAUTH_OUT, host }

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: chromiumLaunchOptions,
}

export default defineConfig({
  testDir: './e2e',
  testMatch: /connected\.spec\.ts$/,
  outputDir: './reports/connected-e2e-output', // ignored by lint and prettier, apart from the demo run's folder
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 45_000,
  expect: { timeout: 10_000 },
  use: { baseURL: host(PROXY), trace: 'off', screenshot: 'only-on-failure', ...chromium },
  webServer: [
    {
      command:
        `npm run sim -- --port ${SIM} --token-ttl 8 --allow-origin ${host(OAUTH)} ` +
        `--oauth-client lookbook-e2e=${host(OAUTH)}/oauth/callback --api-key e2e-analyst:${SECRET}:2`,
      url: `${host(SIM)}/api/4.0/versions`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      // `npm run build` then `npm run preview` with LOOKER_* set: the connected build behind the proxy.
      command: `npx vite build --outDir ${PROXY_OUT} --logLevel warn && npx vite preview --outDir ${PROXY_OUT} --host 127.0.0.1 --port ${PROXY} --strictPort`,
      url: host(PROXY),
      env: { LOOKER_BASE_URL: host(SIM), LOOKER_CLIENT_ID: 'e2e-analyst', LOOKER_CLIENT_SECRET: SECRET },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
    },
    {
      // The same build, with a wrong secret.
      command: `npx vite preview --outDir ${PROXY_OUT} --host 127.0.0.1 --port ${BAD_PROXY} --strictPort`,
      url: host(BAD_PROXY),
      env: {
        LOOKER_BASE_URL: host(SIM),
        LOOKER_CLIENT_ID: 'e2e-analyst',
        LOOKER_CLIENT_SECRET: 'wrong-secret',
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: `npx vite build --outDir ${OAUTH_OUT} --logLevel warn && npx vite preview --outDir ${OAUTH_OUT} --host 127.0.0.1 --port ${OAUTH} --strictPort`,
      url: host(OAUTH),
      env: { VITE_LOOKER_URL: host(SIM), VITE_LOOKER_OAUTH_CLIENT_ID: 'lookbook-e2e' },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
    },
  ],
})
