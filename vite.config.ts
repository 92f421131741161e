/// <reference types="vitest/config" />

import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { contentSecurityPolicy, previewSecurityHeaders } from './proxy/csp.ts'
import { lookerProxy } from './proxy/lookerProxy.ts'

export default defineConfig({
  // lookerProxy: connected mode for `npm run dev`/`npm run preview` when LOOKER_* are set (docs/decisions/0009).
  plugins: [react(), lookerProxy(), contentSecurityPolicy(), previewSecurityHeaders()],
  resolve: {
    // @looker/sdk has no "exports" map; deep imports resolve to its CJS build. We import types only,
    // but point any runtime import at the ESM build so it can never pull in the CJS copy.
    alias: [{ find: /^@looker\/sdk\/lib\/4\.0\/(.*)$/, replacement: '@looker/sdk/lib/esm/4.0/$1.js' }],
  },
  build: {
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'proxy/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 15_000,
  },
})
