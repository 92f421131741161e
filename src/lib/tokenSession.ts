/**
 * An access token kept in memory only (never localStorage), with the way to get a fresh one.
 * Demo mode signs in with the simulator's documented demo credentials; connected mode swaps this out.
 */
export class TokenSession {
  private token: string | null = null
  private expiresAt = 0
  private pending: Promise<boolean> | null = null

  constructor(
    private readonly signIn: () => Promise<{ access_token?: string | null; expires_in?: number | null }>,
  ) {}

  current(): string | null {
    return this.token
  }

  /** Signs in again; concurrent callers share one sign-in. */
  renew(): Promise<boolean> {
    this.pending ??= this.signIn()
      .then((t) => {
        this.token = t.access_token ?? null
        this.expiresAt = Date.now() + (t.expires_in ?? 3600) * 1000
        return this.token != null
      })
      .catch(() => false)
      .finally(() => {
        this.pending = null
      })
    return this.pending
  }

  expiresInMs(): number {
    return this.expiresAt - Date.now()
  }

  clear() {
    this.token = null
    this.expiresAt = 0
  }
}
