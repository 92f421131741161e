import { fileURLToPath } from 'node:url'
import { isLoopbackHost } from '../proxy/sameOrigin.ts'
import { createLookbookServer } from './app.ts'
import { jsonLogger } from './log.ts'
import { readServerSettings } from './settings.ts'
import { StaticDirError } from './staticFiles.ts'

/**
 * `npm start`: the production server. Settings come from the environment (server/settings.ts); the built
 * app is ../dist next to this file (dist-server/main.js after `npm run build`) unless STATIC_DIR says else.
 */
const logger = jsonLogger()
const REPEATED_SIGNAL_MS = 1000

async function main() {
  const result = readServerSettings(process.env, fileURLToPath(new URL('../dist/', import.meta.url)))
  if (!result.ok) {
    for (const problem of result.problems) logger.error(`Cannot start: ${problem}`)
    process.exit(2)
  }
  const { settings } = result
  const app = await createLookbookServer(settings, { logger })
  const url = await app.listen()
  logger.info('listening', {
    url: url.href,
    mode: settings.looker.kind === 'off' ? 'demo' : 'proxy',
    staticDir: settings.staticDir,
    publicOrigins: settings.publicOrigins.join(',') || null,
    startupMs: Math.round(performance.now()),
  })
  if (
    settings.looker.kind !== 'off' &&
    !isLoopbackHost(settings.host) &&
    settings.publicOrigins.length === 0
  ) {
    // HOST is the explicit choice to be reachable; say which pages the proxy will then answer.
    logger.warn(
      'HOST is not a loopback address and PUBLIC_ORIGIN is not set: the proxy answers pages opened at an ' +
        'IP address or localhost only. Set PUBLIC_ORIGIN to the address people open.',
      { host: settings.host },
    )
  }

  let stoppingSince: number | null = null
  const stop = (signal: NodeJS.Signals) => {
    if (stoppingSince !== null) {
      // `npm start` forwards the signal its process group already delivered (Ctrl-C, systemd, Playwright):
      // that copy arrives at once. A signal sent again later means "now".
      if (performance.now() - stoppingSince < REPEATED_SIGNAL_MS) return
      logger.warn('signalled again: exiting now', { signal })
      process.exit(1)
    }
    stoppingSince = performance.now()
    const stopped = app.shutdown() // stops listening before the line below is written
    logger.info('shutting down: finishing the requests in flight', {
      signal,
      inFlight: app.requestsInFlight(),
      deadlineMs: settings.shutdownTimeoutMs,
    })
    void stopped.then((outcome) => {
      if (outcome === 'clean') logger.info('stopped')
      else logger.warn('stopped at the deadline: the requests still in flight were cut')
      process.exit(outcome === 'clean' ? 0 : 1)
    })
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((error: unknown) => {
  const message = error instanceof StaticDirError ? error.message : String(error)
  const stack = error instanceof Error && !(error instanceof StaticDirError) ? (error.stack ?? null) : null
  logger.error(`Cannot start: ${message}`, stack ? { stack } : {})
  process.exit(1)
})
