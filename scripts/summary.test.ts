// @vitest-environment node
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'summary-'))
let n = 0
function report(body: unknown): string {
  const file = join(dir, `r${n++}.json`)
  writeFileSync(file, JSON.stringify(body))
  return file
}
function summary(...files: string[]) {
  const r = spawnSync(process.execPath, ['scripts/summary.mjs', ...files], { encoding: 'utf8' })
  return { line: r.stdout.trim(), code: r.status }
}
const vitest = (over: object = {}) => ({
  numPassedTests: 3,
  numFailedTests: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  numTotalTests: 3,
  testResults: [{ name: 'a.test.ts', status: 'passed', assertionResults: [{ status: 'passed' }] }],
  ...over,
})
const playwright = (stats: object = {}, errors: unknown[] = []) => ({
  stats: { expected: 2, unexpected: 0, flaky: 0, skipped: 0, ...stats },
  errors,
})

describe('the closing line', () => {
  it('sums passed and failed tests over the reports and exits 0 when all passed', () => {
    expect(summary(report(vitest()), report(playwright()))).toEqual({ line: '5 passed, 0 failed', code: 0 })
  })

  it('counts a missing report as a failed suite', () => {
    expect(summary(report(vitest()), join(dir, 'absent.json'))).toEqual({
      line: '3 passed, 1 failed',
      code: 1,
    })
  })

  it('counts a Playwright run whose web server never started (no tests, a runner error) as failed', () => {
    const crashed = report(
      playwright({ expected: 0 }, [{ message: 'Error: Process from config.webServer exited early.' }]),
    )
    expect(summary(report(vitest()), crashed)).toEqual({ line: '3 passed, 2 failed', code: 1 })
  })

  it('counts a vitest file that crashed before its tests as failed', () => {
    const crashed = vitest({
      testResults: [
        { name: 'a.test.ts', status: 'passed', assertionResults: [{ status: 'passed' }] },
        { name: 'b.test.ts', status: 'failed', message: 'SyntaxError: boom', assertionResults: [] },
      ],
    })
    expect(summary(report(crashed))).toEqual({ line: '3 passed, 1 failed', code: 1 })
  })

  it('reports failed tests once, not again as a failed file', () => {
    const one = vitest({
      numPassedTests: 2,
      numFailedTests: 1,
      testResults: [
        {
          name: 'a.test.ts',
          status: 'failed',
          assertionResults: [{ status: 'passed' }, { status: 'failed' }],
        },
      ],
    })
    expect(summary(report(one))).toEqual({ line: '2 passed, 1 failed', code: 1 })
  })
})
