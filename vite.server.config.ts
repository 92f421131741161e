import { defineConfig } from 'vite'

/**
 * The production server (`npm start`, server/main.ts) as one ES module in dist-server/, built by
 * `npm run build` after the app. It imports only Node's built-in modules (server/deployment.test.ts checks),
 * so it runs from the built output with no Vite and no node_modules (docs/decisions/0011-production-server.md).
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true, // for stack traces in the log (node --enable-source-maps); never served
    minify: false,
  },
})
