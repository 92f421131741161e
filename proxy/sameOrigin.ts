import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'

/**
 * Which browser pages may use the proxy. It acts with its own Looker credentials, so a page on another site
 * must not be able to make a visitor's browser call it (a form POST to /api/4.0/… would otherwise run as the
 * API user). Accepted: requests from no page at all (no Origin, Sec-Fetch-Site `none`), and pages on the
 * origin the request was addressed to (its Host) or on one of the public origins the server is reached
 * under behind a reverse proxy that rewrites Host (PUBLIC_ORIGIN).
 *
 * The Host itself must be one this server is known by: a page on a host name the attacker owns that
 * resolves to this server (DNS rebinding) has matching Origin and Host, so only a Host allowlist tells it
 * apart. Allowed: IP addresses (a rebinding needs a name), `localhost` and `*.localhost`, the PUBLIC_ORIGIN
 * hosts, and (dev and preview servers) Vite's `allowedHosts`. Vite checks Host the same way for its own
 * files; this check covers `npm start` and the Looker routes on every server.
 */
export interface SameOriginPolicy {
  /** Why the request is refused, or null to let it through. */
  refusal(req: IncomingMessage): Refusal | null
}

export interface Refusal {
  /** `cross_site` (Origin / Sec-Fetch-Site) or `host` (a Host the server is not known by). */
  kind: 'cross_site' | 'host'
  message: string
  /** The refused Host, for a one-time hint in the server's log. */
  host?: string
}

export interface SameOriginOptions {
  /** More host names (Vite's `server.allowedHosts`: `.example.com` means it and its subdomains); true: any. */
  allowedHosts?: readonly string[] | true
  /** The setting that admits another host name, named in the refusal (PUBLIC_ORIGIN, server.allowedHosts). */
  hostSetting?: string
}

export function sameOriginPolicy(
  publicOrigins: readonly string[] = [],
  { allowedHosts = [], hostSetting = 'PUBLIC_ORIGIN' }: SameOriginOptions = {},
): SameOriginPolicy {
  const accepted = new Set(publicOrigins)
  const publicHosts = new Set(publicOrigins.map((o) => parseUrl(o)?.hostname.toLowerCase()))
  const knownHost = (name: string) =>
    allowedHosts === true ||
    publicHosts.has(name) ||
    allowedHosts.some((h) => h === name || (h.startsWith('.') && (name === h.slice(1) || name.endsWith(h))))
  return {
    refusal(req) {
      const host = req.headers.host
      if (typeof host === 'string' && !hostAllowed(host, knownHost)) {
        return {
          kind: 'host',
          host,
          message:
            `The Lookbook proxy does not answer requests for host "${host}" (a page on a host name it does ` +
            `not know could be a DNS rebinding attack). If people open Lookbook at that name, add it to ${hostSetting}.`,
        }
      }
      const site = req.headers['sec-fetch-site']
      if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
        return {
          kind: 'cross_site',
          message: `The Lookbook proxy only answers the Lookbook app itself (Sec-Fetch-Site: ${site}).`,
        }
      }
      const origin = req.headers.origin
      if (typeof origin !== 'string' || origin === 'null') return null
      const url = parseUrl(origin)
      if (url && (url.host === host || accepted.has(url.origin))) return null
      return {
        kind: 'cross_site',
        message: `The Lookbook proxy only answers the Lookbook app itself (Origin: ${origin}).`,
      }
    },
  }
}

/** IP literals and loopback names always; other names only when known. */
function hostAllowed(hostHeader: string, known: (name: string) => boolean): boolean {
  const url = parseUrl(`http://${hostHeader}`)
  if (!url || url.username || url.password || url.pathname !== '/' || url.search) return false
  const name = url.hostname.toLowerCase()
  if (name.startsWith('[') || isIP(name) !== 0) return true
  if (name === 'localhost' || name.endsWith('.localhost')) return true
  return known(name)
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}

/** A listening address that only this machine can reach: Vite's default (`localhost`), 127.x, ::1. */
export function isLoopbackHost(host: string | boolean | undefined): boolean {
  if (host === undefined || host === false) return true
  if (host === true) return false
  const name = host.replace(/^\[|\]$/g, '').toLowerCase()
  return (
    name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name)
  )
}
