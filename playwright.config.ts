import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from './e2e/chromium'
import { runPorts } from './e2e/ports'

// A free port chosen at run time (or E2E_PORT, if set); each port builds into its own folder.
const [PORT] = runPorts('E2E_PORT', 1)
const OUT = `dist-e2e-${PORT}`

export default defineConfig({
  testDir: './e2e',
  // Connected mode runs against its own servers: playwright.connected.config.ts.
  testIgnore: /connected\.spec\.ts$/,
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: {
    // The demo build: the msw service worker and the simulator answer /api/4.0/*.
    command: `npx vite build --mode demo --outDir ${OUT} --logLevel warn && npx vite preview --mode demo --outDir ${OUT} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
  },
})
