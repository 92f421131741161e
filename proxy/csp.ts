import { loadEnv, type Plugin } from 'vite'

/**
 * The Content-Security-Policy the built app runs under, as a <meta> tag in the built index.html so it
 * holds wherever the files are served (vite preview, a static host). The dev server is left alone: its
 * hot-reload preamble is an inline script.
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

export function contentSecurityPolicy(): Plugin {
  let policy = buildContentSecurityPolicy()
  return {
    name: 'lookbook-content-security-policy',
    apply: 'build',
    configResolved(config) {
      const origin = oauthApiOrigin(loadEnv(config.mode, config.envDir || config.root, 'VITE_'))
      policy = buildContentSecurityPolicy(origin ? [origin] : [])
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
          injectTo: 'head-prepend',
        },
      ],
    },
  }
}

/** Headers the preview server adds: what a <meta> policy cannot say (framing), and no MIME sniffing. */
export function previewSecurityHeaders(): Plugin {
  return {
    name: 'lookbook-preview-security-headers',
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', "frame-ancestors 'none'")
        res.setHeader('X-Content-Type-Options', 'nosniff')
        res.setHeader('Referrer-Policy', 'same-origin')
        next()
      })
    },
  }
}
