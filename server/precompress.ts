import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

/**
 * Brotli and gzip copies of the built text files, made once at build time at the highest levels, so the
 * server (server/staticFiles.ts) and static hosts (nginx gzip_static, Caddy `precompressed`) send them
 * without compressing on every request. Source maps are left out: they are large and rarely fetched.
 */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|xml|webmanifest)$/
/** Below this the headers outweigh the saving. */
const MIN_BYTES = 1024

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

export interface PrecompressResult {
  files: number
  bytes: number
  brotliBytes: number
  gzipBytes: number
}

export async function precompressDir(dir: string): Promise<PrecompressResult> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  const files = entries.filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
  const result: PrecompressResult = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 }
  await Promise.all(
    files.map(async (entry) => {
      const path = join(entry.parentPath, entry.name)
      if ((await stat(path)).size < MIN_BYTES) return
      const content = await readFile(path)
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
      ])
      // A copy that is not smaller is not worth choosing; the server then sends the original.
      if (br.length < content.length) await writeFile(`${path}.br`, br)
      if (gz.length < content.length) await writeFile(`${path}.gz`, gz)
      result.files++
      result.bytes += content.length
      result.brotliBytes += Math.min(br.length, content.length)
      result.gzipBytes += Math.min(gz.length, content.length)
    }),
  )
  return result
}

/** Runs precompressDir on the client build's output folder once everything (public/ too) is written. */
export function precompress(): Plugin {
  let outDir = ''
  let ssr = false
  return {
    name: 'lookbook-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
      ssr = Boolean(config.build.ssr)
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (ssr) return
        const r = await precompressDir(outDir)
        const kb = (n: number) => `${Math.round(n / 1024)} KB`
        this.info(
          `precompressed ${r.files} files: ${kb(r.bytes)} → br ${kb(r.brotliBytes)}, gzip ${kb(r.gzipBytes)}`,
        )
      },
    },
  }
}
