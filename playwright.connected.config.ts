import { randomBytes } from 'node:crypto'
import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from './e2e/chromium'
import { runPorts } from './e2e/ports'

/**
 * Connected mode over real HTTP (docs/decisions/0009-connected-mode.md), every app served by the production
 * server, `npm start` (docs/decisions/0011-production-server.md):
 * - `npm run sim` on SIM stands in for a Looker instance (8 s tokens, CORS for the OAuth app's origin);
 * - the build with LOOKER_* set: PROXY with a good API key, BAD_PROXY with a wrong one;
 * - the same build without LOOKER_* on DEMO: demo mode, chosen at run time;
 * - an OAuth build (VITE_LOOKER_URL → the simulator) served on OAUTH.
 * The five ports are free ones chosen at run time (E2E_CONNECTED_PORTS=proxy,sim,bad,oauth,demo sets them).
 * The proxy's API key secret is random per run, so the tests can search the built files for it.
 */
const [PROXY, SIM, BAD_PROXY, OAUTH, DEMO] = runPorts('E2E_CONNECTED_PORTS', 5)
const host = (port: number) => `http://127.0.0.1:${port}`
process.env.E2E_PROXY_SECRET ??= randomBytes(18).toString('hex')
const SECRET = process.env.E2E_PROXY_SECRET
const PROXY_OUT = `dist-e2e-${PROXY}`
const OAUTH_OUT = `dist-e2e-${OAUTH}`

export const connectedE2e = { SIM, PROXY, BAD_PROXY, OAUTH, DEMO, PROXY_OUT, OAUTH_OUT, host }

/** `npm start` serving `dir` on `port`; stopped with SIGTERM, as a container would be. */
const npmStart = (dir: string, port: number, env: Record<string, string> = {}) => ({
  command: 'npm start --silent',
  url: host(port),
  // Empty LOOKER_* unless given: a developer's own settings in the shell must not turn demo into connected.
  env: {
    LOOKER_BASE_URL: '',
    LOOKER_CLIENT_ID: '',
    LOOKER_CLIENT_SECRET: '',
    PUBLIC_ORIGIN: '',
    ...env,
    STATIC_DIR: dir,
    HOST: '127.0.0.1',
    PORT: String(port),
  },
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: 'ignore' as const,
  gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
})
const LOOKER = { LOOKER_BASE_URL: host(SIM), LOOKER_CLIENT_ID: 'e2e-analyst', LOOKER_CLIENT_SECRET: SECRET }

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
      // The app built as `npm run build` builds it (into its own folder), then `npm start` with LOOKER_* set.
      ...npmStart(PROXY_OUT, PROXY, LOOKER),
      command: `npx vite build --outDir ${PROXY_OUT} --logLevel warn && npm run build:server --silent -- --logLevel warn && npm start --silent`,
      timeout: 180_000,
    },
    // The same build, with a wrong secret.
    npmStart(PROXY_OUT, BAD_PROXY, { ...LOOKER, LOOKER_CLIENT_SECRET: 'wrong-secret' }),
    // The same build without LOOKER_*: demo mode.
    npmStart(PROXY_OUT, DEMO),
    {
      ...npmStart(OAUTH_OUT, OAUTH),
      command: `npx vite build --outDir ${OAUTH_OUT} --logLevel warn && npm start --silent`,
      env: {
        ...npmStart(OAUTH_OUT, OAUTH).env,
        VITE_LOOKER_URL: host(SIM),
        VITE_LOOKER_OAUTH_CLIENT_ID: 'lookbook-e2e',
      },
      timeout: 180_000,
    },
  ],
})
