import type { Server, ServerResponse } from 'node:http'

export type ShutdownResult = 'clean' | 'deadline'

/**
 * Graceful stop for SIGTERM: stop accepting connections, let every request already received finish (its
 * response says `Connection: close` when it still can), close keep-alive sockets as they fall idle, and
 * after the deadline cut whatever is left.
 */
export class GracefulShutdown {
  private readonly inFlight = new Set<ServerResponse>()
  private closing: Promise<ShutdownResult> | null = null

  constructor(private readonly server: Server) {
    server.on('request', (_req, res) => {
      this.inFlight.add(res)
      if (this.closing) res.setHeader('Connection', 'close')
      res.once('close', () => {
        this.inFlight.delete(res)
        // The socket is idle once this response is done with it: on the next turn.
        if (this.closing) setImmediate(() => this.server.closeIdleConnections())
      })
    })
  }

  get shuttingDown(): boolean {
    return this.closing !== null
  }

  get requestsInFlight(): number {
    return this.inFlight.size
  }

  /** Resolves when every connection is closed ('clean'), or when the deadline cut them ('deadline'). */
  shutdown(timeoutMs: number): Promise<ShutdownResult> {
    this.closing ??= new Promise<ShutdownResult>((resolve) => {
      const deadline = setTimeout(() => {
        this.server.closeAllConnections()
        resolve('deadline')
      }, timeoutMs)
      // close() stops listening at once; its callback runs when the last connection has closed.
      this.server.close(() => {
        clearTimeout(deadline)
        resolve('clean')
      })
      for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close')
      this.server.closeIdleConnections()
    })
    return this.closing
  }
}
