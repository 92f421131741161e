/**
 * Stands in for `tough-cookie` in the app's bundles (vite.config.ts aliases it here). msw keeps a cookie
 * jar for mocked responses that set cookies, and tough-cookie brings tldts's public-suffix list with it:
 * about 120 KB of the 210 KB (gzip) demo chunk. The simulator sets no cookies (Looker's API authenticates
 * with bearer tokens), so msw's jar stays empty: lookups find nothing, and a cookie that some handler did
 * set would fail its request loudly instead of being dropped without a word.
 * msw (lib/core/utils/cookieStore) uses exactly these: MemoryCookieStore, CookieJar, Cookie.fromJSON.
 */
export class MemoryCookieStore {
  idx: Record<string, unknown> = {}
}

export class CookieJar {
  constructor(readonly store?: MemoryCookieStore) {}

  getCookiesSync(_url: string): never[] {
    return []
  }

  setCookie(cookie: string, url: string): Promise<never> {
    return Promise.reject(
      new Error(
        `The demo's msw has no cookie jar (src/looker-sim/noCookies.ts): refused "${cookie}" from ${url}`,
      ),
    )
  }
}

export const Cookie = {
  /** msw restores cookies it persisted in localStorage; there are none to restore. */
  fromJSON: (_json: unknown): null => null,
}
