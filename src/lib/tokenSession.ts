/** What the app shows about the session: usable, being established, or ended (with why, when known). */
export type SessionStatus =
  | { state: 'signed-in' }
  | { state: 'signing-in' }
  | { state: 'signed-out'; reason: string | null; wasSignedIn: boolean }

export interface IssuedToken {
  access_token?: string | null
  expires_in?: number | null
}

export interface TokenSessionOptions {
  /** Renew on a timer shortly before the token expires (OAuth); otherwise only on demand. */
  renewAhead?: boolean
  /** Words for the signed-out state when renewing fails. */
  describeFailure?: (error: unknown) => string | null
}

/**
 * An access token kept in memory only (never localStorage or sessionStorage), with the way to get a
 * fresh one. Demo mode signs in with the simulator's demo credentials; OAuth renews with the refresh
 * token. Listeners hear when the session starts or ends, so the app can show a "signed out" state.
 */
export class TokenSession {
  private token: string | null = null
  private expiresAt = 0
  private pending: Promise<boolean> | null = null
  /** Bumped whenever the session ends: a renewal that started before then must not bring it back. */
  private generation = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private state: SessionStatus = { state: 'signed-out', reason: null, wasSignedIn: false }
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly signIn: () => Promise<IssuedToken>,
    private readonly options: TokenSessionOptions = {},
  ) {}

  current(): string | null {
    return this.token
  }

  status(): SessionStatus {
    return this.state
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Signs in again; concurrent callers share one sign-in. Resolves false (signed out) on failure, and
   * also when the session was ended (signed out) while this renewal was under way: its answer is dropped.
   */
  renew(): Promise<boolean> {
    if (this.pending) return this.pending
    const generation = this.generation
    const current = () => generation === this.generation
    const pending: Promise<boolean> = this.signIn()
      .then((t) => current() && this.accept(t))
      .catch((error: unknown) => {
        if (current()) this.end(this.options.describeFailure?.(error) ?? null)
        return false
      })
      .finally(() => {
        if (this.pending === pending) this.pending = null
      })
    this.pending = pending
    return pending
  }

  /** Takes a token obtained elsewhere (the OAuth code exchange). */
  accept(t: IssuedToken): boolean {
    this.token = t.access_token ?? null
    const lifetimeMs = (t.expires_in ?? 3600) * 1000
    this.expiresAt = Date.now() + lifetimeMs
    if (!this.token) {
      this.end('Looker did not send an access token.')
      return false
    }
    this.scheduleRenewal(lifetimeMs)
    this.setStatus({ state: 'signed-in' })
    return true
  }

  expiresInMs(): number {
    return this.expiresAt - Date.now()
  }

  /** Forgets the token (switching demo users, signing out); the status says why when a reason is given. */
  clear(reason: string | null = null) {
    this.end(reason)
  }

  markSigningIn() {
    this.setStatus({ state: 'signing-in' })
  }

  /** Resolves at once unless a sign-in is in progress; then when it has finished either way. */
  settled(): Promise<void> {
    if (this.state.state !== 'signing-in') return Promise.resolve()
    return new Promise((resolve) => {
      const stop = this.subscribe(() => {
        if (this.state.state === 'signing-in') return
        stop()
        resolve()
      })
    })
  }

  private end(reason: string | null) {
    const wasSignedIn =
      this.state.state === 'signed-in' || (this.state.state === 'signed-out' && this.state.wasSignedIn)
    this.generation++
    this.pending = null
    this.token = null
    this.expiresAt = 0
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.setStatus({ state: 'signed-out', reason, wasSignedIn })
  }

  /** Like the proxy: renew once 80% of the lifetime has passed, at most a minute early. */
  private scheduleRenewal(lifetimeMs: number) {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (!this.options.renewAhead) return
    const margin = Math.min(60_000, lifetimeMs * 0.2)
    this.timer = setTimeout(() => void this.renew(), Math.max(1_000, lifetimeMs - margin))
  }

  private setStatus(next: SessionStatus) {
    this.state = next
    for (const listener of [...this.listeners]) listener()
  }
}
