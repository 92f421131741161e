import { createReadStream } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, relative, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { chooseEncoding, type Encoding } from './encoding.ts'

/**
 * The built app, indexed once at start: a request is looked up in this map and never joined onto a file
 * path, so no URL can reach a file outside the folder. The build does not change while the server runs.
 */
interface Variant {
  file: string
  size: number
  etag: string
}

interface StaticFile extends Variant {
  type: string
  cacheControl: string
  /** Precompressed copies made at build time (server/precompress.ts). */
  encoded: Partial<Record<Encoding, Variant>>
}

export interface StaticSite {
  dir: string
  files: Map<string, StaticFile>
  index: StaticFile
  /** The index page's text, for reading its <meta> Content-Security-Policy. */
  indexHtml: string
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
}

/** Vite names everything under assets/ by its content hash: a changed file gets a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** index.html and the unhashed public files: use them only after checking they are current (ETag). */
const REVALIDATE = 'no-cache'

export class StaticDirError extends Error {}

export async function indexStaticFiles(dir: string): Promise<StaticSite> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true })
  } catch (error) {
    throw new StaticDirError(
      `Cannot read the built app in ${dir} (${String(error)}). Run \`npm run build\` first.`,
    )
  }
  const paths = new Set(entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)))
  const files = new Map<string, StaticFile>()
  for (const file of paths) {
    if (/\.(br|gz)$/.test(file) && paths.has(file.slice(0, -3))) continue // a copy, indexed with its original
    if (/\.map(\.br|\.gz)?$/.test(file)) continue // a source map is never served, even if a build made one
    const urlPath = `/${relative(dir, file).split(sep).join('/')}`
    const encoded: StaticFile['encoded'] = {}
    if (paths.has(`${file}.br`)) encoded.br = await variant(`${file}.br`, 'br')
    if (paths.has(`${file}.gz`)) encoded.gzip = await variant(`${file}.gz`, 'gz')
    files.set(urlPath, {
      ...(await variant(file, '')),
      type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      cacheControl: urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
      encoded,
    })
  }
  const index = files.get('/index.html')
  if (!index) throw new StaticDirError(`${dir} has no index.html. Run \`npm run build\` first.`)
  return { dir, files, index, indexHtml: await readFile(index.file, 'utf8') }
}

async function variant(file: string, suffix: string): Promise<Variant> {
  const { size, mtimeMs } = await stat(file)
  return {
    file,
    size,
    etag: `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}${suffix && `-${suffix}`}"`,
  }
}

/**
 * GET/HEAD for the built app: the file, else index.html for an app route (the router draws the page),
 * else 404. A missing script or image is a 404, never the index page (which would fail as a script).
 */
export function serveStatic(site: StaticSite, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
    return void res.end('Method not allowed\n')
  }
  let path: string
  try {
    path = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0] ?? '/')
  } catch {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' })
    return void res.end('Bad request: the path is not valid percent-encoding\n')
  }
  const file =
    site.files.get(path === '/' ? '/index.html' : path) ?? (isAppRoute(req, path) ? site.index : null)
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': REVALIDATE })
    return void res.end('Not found\n')
  }
  void sendFile(file, req, res)
}

/**
 * A page the app's router draws: anything outside assets/ that is either extension-less (/looks/42) or
 * asked for as a page by the browser (ids are opaque and may contain a dot).
 */
function isAppRoute(req: IncomingMessage, path: string): boolean {
  if (path.startsWith('/assets/')) return false
  const lastSegment = path.slice(path.lastIndexOf('/') + 1)
  return !lastSegment.includes('.') || (req.headers.accept ?? '').includes('text/html')
}

async function sendFile(file: StaticFile, req: IncomingMessage, res: ServerResponse) {
  const encoding = chooseEncoding(req.headers['accept-encoding'], file.encoded)
  const body = encoding ? file.encoded[encoding]! : file
  res.setHeader('Content-Type', file.type)
  res.setHeader('Cache-Control', file.cacheControl)
  res.setHeader('ETag', body.etag)
  if (Object.keys(file.encoded).length > 0) res.setHeader('Vary', 'Accept-Encoding')
  if (encoding) res.setHeader('Content-Encoding', encoding)
  if (etagMatches(req.headers['if-none-match'], body.etag)) {
    res.statusCode = 304
    return void res.end()
  }
  res.setHeader('Content-Length', body.size)
  if (req.method === 'HEAD') return void res.end()
  try {
    await pipeline(createReadStream(body.file), res)
  } catch {
    res.destroy() // the client went away, or the file vanished mid-read
  }
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}
