/**
 * `npm run sim -- --port 4010 [--looks 50000] [--seed N] [--allow-origin http://127.0.0.1:4173,…]
 *                 [--faults SPEC] [--token-ttl 3600] [--latency MS] [--host 127.0.0.1]
 *                 [--oauth-client GUID=REDIRECT_URI,…] [--api-key CLIENT_ID:SECRET:USER_ID,…]
 *                 [--render-pool 2] [--query-pool 3] [--render-ms MIN-MAX]`
 * The simulated Looker on a real port, for the app in connected mode, curl, or e2e runs.
 */
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { DEMO_CREDENTIALS } from './core/seed'
import { parseDurationRange, parsePoolSize } from './core/tasks'
import { startSimServer } from './node-server/http-adapter'

export { startSimServer, type SimServer, type SimServerOptions } from './node-server/http-adapter'
export { DEFAULT_ALLOWED_ORIGINS } from './node-server/cors'

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} must be a non-negative integer, got "${text}"`)
  return value
}

function poolSize(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const size = parsePoolSize(text)
  if (size === null) throw new Error(`--${name} must be a whole number of at least 1, got "${text}"`)
  return size
}

function durations(name: string, text: string | undefined) {
  if (text === undefined) return undefined
  const range = parseDurationRange(text)
  if (!range) throw new Error(`--${name} must look like 1000-20000 (ms), got "${text}"`)
  return range
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      looks: { type: 'string' },
      seed: { type: 'string' },
      'allow-origin': { type: 'string' },
      faults: { type: 'string' },
      'token-ttl': { type: 'string' },
      latency: { type: 'string' },
      'oauth-client': { type: 'string' },
      'api-key': { type: 'string' },
      'render-pool': { type: 'string' },
      'query-pool': { type: 'string' },
      'render-ms': { type: 'string' },
    },
  })
  const server = await startSimServer({
    port: integer('port', values.port),
    host: values.host,
    lookCount: integer('looks', values.looks),
    seed: integer('seed', values.seed),
    allowOrigins: values['allow-origin']?.split(',').map((o) => o.trim()),
    faults: values.faults,
    tokenTtlSeconds: integer('token-ttl', values['token-ttl']),
    latencyMs: integer('latency', values.latency),
    tasks: {
      renderPool: poolSize('render-pool', values['render-pool']),
      queryPool: poolSize('query-pool', values['query-pool']),
      renderDurationMs: durations('render-ms', values['render-ms']),
    },
  })
  // Connected-mode tests: an OAuth app registered for the app's origin, and an API key whose secret
  // appears in no build (so a test can search the built files for it).
  for (const entry of values['oauth-client']?.split(',') ?? []) {
    const [guid, redirectUri] = entry.split('=')
    server.sim.oauth.register(
      guid ?? '',
      { redirect_uri: redirectUri, display_name: `Lookbook (${guid})` },
      null,
    )
  }
  for (const entry of values['api-key']?.split(',') ?? []) {
    const [clientId = '', clientSecret = '', userId = ''] = entry.split(':')
    if (!server.sim.store.user(userId)) throw new Error(`--api-key: no user with id "${userId}"`)
    server.sim.store.data.credentials.push({
      client_id: clientId,
      client_secret: clientSecret,
      user_id: userId,
    })
  }
  const { admin } = DEMO_CREDENTIALS
  console.log(`Looker simulator listening on ${server.url}/api/4.0`)
  console.log(
    `  try: curl -d client_id=${admin.clientId} -d client_secret=${admin.clientSecret} ${server.url}/api/4.0/login`,
  )
  const stop = () => void server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
