// Prints the plain closing line "N passed, N failed" from the vitest and Playwright JSON reports:
// CI reads only that line, and neither runner prints it in that form.
// A suite that did not run counts as failed: a missing report, a report with no tests, a runner error
// outside any test (a web server that did not start, a config that threw) or a test file that crashed
// before its tests ran each add one failure, so the line can never say "0 failed" over a crash.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0

function suiteDidNotRun(file, why) {
  console.error(`summary: ${file}: ${why}; counted as 1 failed`)
  failed++
}

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    suiteDidNotRun(file, 'no report (that runner did not finish)')
    continue
  }
  let r
  try {
    r = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    suiteDidNotRun(file, `unreadable report (${e.message})`)
    continue
  }
  if ('numPassedTests' in r) {
    // vitest
    passed += r.numPassedTests
    failed += r.numFailedTests
    skipped += r.numPendingTests + (r.numTodoTests ?? 0)
    for (const f of r.testResults ?? []) {
      const anyFailed = (f.assertionResults ?? []).some((a) => a.status === 'failed')
      if (f.status === 'failed' && !anyFailed)
        suiteDidNotRun(f.name, `test file failed outside its tests: ${(f.message ?? '').split('\n')[0]}`)
    }
    if (r.numTotalTests === 0) suiteDidNotRun(file, 'no tests ran')
  } else if (r.stats) {
    // Playwright
    passed += r.stats.expected + r.stats.flaky
    failed += r.stats.unexpected
    skipped += r.stats.skipped
    for (const e of r.errors ?? []) suiteDidNotRun(file, `runner error: ${(e.message ?? '').split('\n')[0]}`)
    if (r.stats.expected + r.stats.unexpected + r.stats.flaky + r.stats.skipped === 0)
      suiteDidNotRun(file, 'no tests ran')
  } else {
    suiteDidNotRun(file, 'not a vitest or Playwright JSON report')
  }
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''))
process.exit(failed > 0 || passed === 0 ? 1 : 0)
