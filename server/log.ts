import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ProxyLogger } from '../proxy/lookerProxy.ts'

export type LogFields = Record<string, string | number | boolean | null>

/** One JSON object per line on stdout: what log collectors (docker logs, journald, Loki…) read best. */
export interface JsonLogger extends ProxyLogger {
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(line)): JsonLogger {
  const log =
    (level: string) =>
    (msg: string, fields: LogFields = {}) =>
      write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`)
  return { info: log('info'), warn: log('warn'), error: log('error') }
}

/** Long enough for any path the app uses; a megabyte of URL is not worth a megabyte of log. */
const MAX_LOGGED_PATH = 512

/**
 * The path as logged: never the query string (it can hold an OAuth code or anything a client put there),
 * and no header is logged at all, so no token, cookie or secret reaches the log.
 */
export function loggedPath(url: string | undefined): string {
  const path = (url ?? '/').split(/[?#]/)[0] ?? '/'
  return path.length > MAX_LOGGED_PATH ? `${path.slice(0, MAX_LOGGED_PATH)}…` : path
}

/** Logs one line when the response is done: method, path, status, milliseconds, and bytes sent. */
export function logRequest(logger: JsonLogger, req: IncomingMessage, res: ServerResponse) {
  const started = performance.now()
  const path = loggedPath(req.url)
  const bytesBefore = req.socket.bytesWritten
  res.once('close', () => {
    const fields: LogFields = {
      method: req.method ?? '',
      path,
      status: res.statusCode,
      ms: Math.round((performance.now() - started) * 10) / 10,
      bytes: Math.max(0, req.socket.bytesWritten - bytesBefore),
    }
    // The client went away (or the response was cut) before the last byte.
    if (!res.writableFinished) fields.aborted = true
    logger.info('request', fields)
  })
}
