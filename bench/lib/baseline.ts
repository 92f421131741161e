import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface SourceTree {
  /** What the numbers are labelled with: "this tree" or the commit. */
  label: string
  dir: string
  dispose: () => void
}

const ROOT = resolve(import.meta.dirname, '../..')

/** The working tree itself. */
export function workingTree(): SourceTree {
  return { label: 'this tree', dir: ROOT, dispose: () => undefined }
}

/**
 * The app as it was at `ref`, unpacked into a temporary folder with this tree's node_modules linked in,
 * so a benchmark can build and serve "before" next to "after" in one run. Returns null (with a note) when
 * the ref is not in this clone (a shallow CI checkout, say).
 */
export function treeAt(ref: string): SourceTree | null {
  let commit: string
  try {
    commit = execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim()
  } catch {
    console.log(`(baseline ${ref} is not in this clone: showing this tree only)`)
    return null
  }
  const dir = mkdtempSync(join(tmpdir(), 'lookbook-baseline-'))
  execFileSync('bash', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], { cwd: ROOT })
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
  return { label: commit.slice(0, 7), dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}
