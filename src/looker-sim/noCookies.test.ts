// @vitest-environment node
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as stub from './noCookies'

/** msw's browser bundle (ESM), where the only import of tough-cookie lives. */
const mswCookieStore = join(
  dirname(createRequire(import.meta.url).resolve('msw/package.json')),
  'lib/core/utils/cookieStore.mjs',
)

describe('the tough-cookie stand-in for the demo bundle', () => {
  it('offers every name msw imports from tough-cookie', () => {
    const source = readFileSync(mswCookieStore, 'utf8')
    const imported = /import\s*\{([^}]*)\}\s*from\s*"tough-cookie"/.exec(source)?.[1]
    expect(imported, 'msw no longer imports tough-cookie where it used to: re-check the alias').toBeDefined()
    const names = imported!
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) expect(Object.keys(stub), name).toContain(name)
  })

  it('is an empty jar that refuses to store a cookie, loudly', async () => {
    const jar = new stub.CookieJar(new stub.MemoryCookieStore())
    expect(jar.getCookiesSync('http://127.0.0.1/api/4.0/looks')).toEqual([])
    await expect(jar.setCookie('a=1', 'http://127.0.0.1/api/4.0/login')).rejects.toThrow(
      'refused "a=1" from http://127.0.0.1/api/4.0/login',
    )
    expect(stub.Cookie.fromJSON({ key: 'a', value: '1' })).toBeNull()
  })
})
