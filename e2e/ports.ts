import { execFileSync } from 'node:child_process'

/**
 * Free loopback ports for one test run, chosen at run time so that `npm test` never depends on a fixed
 * port being free. Playwright evaluates the config in its runner and again in every worker process; the
 * first evaluation stores the ports in the environment (`envName`), which the workers inherit, so all of
 * them agree. A port set by hand in that variable (comma-separated) is used as given.
 */
export function runPorts(envName: string, count: number): number[] {
  const given = process.env[envName]
  if (given) {
    const ports = given.split(',').map(Number)
    if (ports.length !== count || ports.some((p) => !Number.isInteger(p) || p <= 0 || p > 65535))
      throw new Error(`${envName} must hold ${count} port number(s), comma-separated; got "${given}"`)
    return ports
  }
  // All servers are open at the same time, so the ports are distinct; the OS gives each a free one.
  const script = `
    const net = require('node:net')
    const n = Number(process.argv[1])
    const servers = Array.from({ length: n }, () => net.createServer())
    Promise.all(servers.map((s) => new Promise((ok, fail) => { s.once('error', fail); s.listen(0, '127.0.0.1', ok) })))
      .then(() => { process.stdout.write(servers.map((s) => s.address().port).join(',')); servers.forEach((s) => s.close()) })
      .catch((e) => { console.error(e); process.exit(1) })`
  const ports = execFileSync(process.execPath, ['-e', script, String(count)], { encoding: 'utf8' }).trim()
  process.env[envName] = ports
  return ports.split(',').map(Number)
}
