// @vitest-environment node
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chooseEncoding } from './encoding.ts'
import { loggedPath } from './log.ts'
import { readServerSettings } from './settings.ts'

const read = (env: Record<string, string>) => readServerSettings(env, '/srv/lookbook/dist')

describe('server settings from the environment', () => {
  it('defaults to loopback:8080, the dist folder beside the server, and demo mode', () => {
    expect(read({})).toEqual({
      ok: true,
      settings: {
        host: '127.0.0.1',
        port: 8080,
        staticDir: '/srv/lookbook/dist',
        publicOrigins: [],
        shutdownTimeoutMs: 8000,
        looker: { kind: 'off' },
      },
    })
  })

  it('reads PORT, HOST, STATIC_DIR, SHUTDOWN_TIMEOUT_SECONDS and the LOOKER_* key', () => {
    const result = read({
      PORT: '0',
      HOST: '0.0.0.0',
      STATIC_DIR: 'dist-e2e',
      SHUTDOWN_TIMEOUT_SECONDS: '20',
      LOOKER_BASE_URL: 'https://acme.looker.com/api/4.0/',
      LOOKER_CLIENT_ID: 'id',
      LOOKER_CLIENT_SECRET: 'secret',
    })
    expect(result).toMatchObject({
      ok: true,
      settings: {
        host: '0.0.0.0',
        port: 0,
        staticDir: resolve('dist-e2e'),
        shutdownTimeoutMs: 20_000,
        looker: { kind: 'ready', config: { baseUrl: 'https://acme.looker.com', clientId: 'id' } },
      },
    })
  })

  it('takes one or more public origins, normalised', () => {
    const result = read({ PUBLIC_ORIGIN: 'https://Lookbook.Example.com/, http://10.0.0.5:8080' })
    expect(result).toMatchObject({
      ok: true,
      settings: { publicOrigins: ['https://lookbook.example.com', 'http://10.0.0.5:8080'] },
    })
  })

  it('names every unusable value instead of starting', () => {
    const result = read({
      PORT: '80a',
      PUBLIC_ORIGIN: 'https://lookbook.example.com/app',
      SHUTDOWN_TIMEOUT_SECONDS: '0',
    })
    expect(result).toEqual({
      ok: false,
      problems: [
        'PORT "80a" must be a whole number from 0 to 65535.',
        'SHUTDOWN_TIMEOUT_SECONDS "0" must be 1 to 3600 seconds.',
        'PUBLIC_ORIGIN "https://lookbook.example.com/app" must be an origin only (scheme, host and port), e.g. https://lookbook.example.com.',
      ],
    })
    expect(read({ PUBLIC_ORIGIN: 'lookbook.example.com' })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/is not a URL/) as string],
    })
  })

  it('serves a misconfigured Looker as such (the app and /readyz explain it), not as demo mode', () => {
    expect(read({ LOOKER_BASE_URL: 'https://acme.looker.com' })).toMatchObject({
      ok: true,
      settings: {
        looker: {
          kind: 'invalid',
          problem: expect.stringMatching(/LOOKER_CLIENT_ID and LOOKER_CLIENT_SECRET are not set/) as string,
        },
      },
    })
  })
})

describe('choosing a precompressed copy', () => {
  const both = { br: 1, gzip: 1 }
  it('prefers brotli, honours q=0 and *, and falls back to the original', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br')
    expect(chooseEncoding('gzip', both)).toBe('gzip')
    expect(chooseEncoding('br;q=0, gzip', both)).toBe('gzip')
    expect(chooseEncoding('*', both)).toBe('br')
    expect(chooseEncoding('*;q=0, gzip;q=0.1', both)).toBe('gzip')
    expect(chooseEncoding('identity', both)).toBeNull()
    expect(chooseEncoding(undefined, both)).toBeNull()
    expect(chooseEncoding('br', { gzip: 1 })).toBeNull()
  })
})

describe('the logged path', () => {
  it('drops the query string and the fragment, and caps the length', () => {
    expect(loggedPath('/oauth/callback?code=abc&state=xyz')).toBe('/oauth/callback')
    expect(loggedPath('/api/4.0/looks/search?title=secret#frag')).toBe('/api/4.0/looks/search')
    expect(loggedPath(`/${'a'.repeat(2000)}`)).toHaveLength(513)
  })
})
