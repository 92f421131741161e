/**
 * The Content-Security-Policy the built app runs under, and the other security headers. The build puts the
 * policy in index.html as a <meta> tag (proxy/vitePlugins.ts), so it holds wherever the files are served
 * (a static host too); `npm start` and the preview server also send headers, which can say what a <meta>
 * policy cannot (framing). The dev server is left alone: its hot-reload preamble is an inline script.
 *
 * - scripts only from our origin; no eval, no inline script;
 * - styles inline too: MUI (emotion) injects <style> elements at runtime;
 * - images from our origin, and blob:/data: for rendered looks (object URLs) and inline icons;
 * - fetch only to our origin (demo and proxy mode), plus the Looker API host in an OAuth build.
 */
export function buildContentSecurityPolicy(connectOrigins: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connectOrigins].join(' '),
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ')
}

/** The Looker API origin an OAuth build calls from the browser (VITE_LOOKER_API_URL, else VITE_LOOKER_URL). */
export function oauthApiOrigin(env: Record<string, string | undefined>): string | null {
  const raw = env.VITE_LOOKER_API_URL?.trim() || env.VITE_LOOKER_URL?.trim()
  if (!raw) return null
  try {
    return new URL(raw).origin
  } catch {
    return null
  }
}

/** Only a header can forbid framing (clickjacking); a <meta> policy ignores frame-ancestors. */
export const FRAME_ANCESTORS_NONE = "frame-ancestors 'none'"

/**
 * Browser features the app never uses, switched off for it and anything it might embed. Clipboard writes
 * stay allowed (copying a rendered image). Only names Chromium knows: unknown ones are console errors.
 */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
].join(', ')

/** The headers every response of the app's servers carries; `policy` is the Content-Security-Policy. */
export function securityHeaders(policy: string): Record<string, string> {
  return {
    'Content-Security-Policy': policy,
    'X-Frame-Options': 'DENY', // for browsers that predate frame-ancestors
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    // The OAuth round trip is a full-page navigation, never a popup, so no other window needs a handle on us.
    'Cross-Origin-Opener-Policy': 'same-origin',
  }
}

/**
 * The policy a built index.html carries in its <meta> tag, so the server's header says exactly what the
 * build decided (an OAuth build adds its Looker API origin). Null when the page has none.
 */
export function policyFromIndexHtml(html: string): string | null {
  const tag = /<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0]
  const content = tag && /\scontent="([^"]*)"/i.exec(tag)?.[1]
  if (!content) return null
  return content
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}
