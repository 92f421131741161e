/// <reference types="vitest/config" />

import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { contentSecurityPolicy, lookerProxy, serverSecurityHeaders } from './proxy/vitePlugins.ts'
import { precompress } from './server/precompress.ts'

export default defineConfig({
  // lookerProxy: connected mode for `npm run dev`/`npm run preview` when LOOKER_* are set (docs/decisions/0009).
  // The security headers come first so the proxy's answers carry them too; precompress: .br/.gz for `npm start`.
  plugins: [react(), serverSecurityHeaders(), lookerProxy(), contentSecurityPolicy(), precompress()],
  resolve: {
    // @looker/sdk has no "exports" map; deep imports resolve to its CJS build. We import types only,
    // but point any runtime import at the ESM build so it can never pull in the CJS copy.
    alias: [
      { find: /^@looker\/sdk\/lib\/4\.0\/(.*)$/, replacement: '@looker/sdk/lib/esm/4.0/$1.js' },
      // The simulator sets no cookies: msw's cookie jar (and tldts's public-suffix list) stays out of the demo chunk.
      {
        find: /^tough-cookie$/,
        replacement: fileURLToPath(new URL('./src/looker-sim/noCookies.ts', import.meta.url)),
      },
    ],
  },
  build: {
    // No source maps in the served app: they would hand out the full sources (issue 12). The dev server
    // has its own; the server bundle's map (vite.server.config.ts) stays in dist-server/, never served.
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // MUI's building blocks that the shell and nearly every page render, in one file: the automatic
              // chunking cut them into a dozen small shared files, each compressed on its own (0012).
              name: 'mui-core',
              test: /node_modules[\\/](@emotion|@mui[\\/](system|utils|styled-engine|private-theming)|@mui[\\/]material[\\/](styles|utils|internal|zero-styled|DefaultPropsProvider|Box|Typography|Stack|Paper|ButtonBase|Button|IconButton|SvgIcon|CircularProgress|LinearProgress|Skeleton|FormControl|FormHelperText|FormLabel|InputBase|OutlinedInput|InputAdornment|InputLabel|Table|TableBody|TableCell|TableContainer|TableHead|TableRow|useMediaQuery|transitions|colors))[\\/]/,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: [
      'src/**/*.test.{ts,tsx}',
      'proxy/**/*.test.ts',
      'server/**/*.test.ts',
      'scripts/**/*.test.ts',
      'lint/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    testTimeout: 15_000,
  },
})
