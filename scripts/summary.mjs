// Prints the plain closing line "N passed, N failed" from the vitest and Playwright JSON reports:
// CI reads only that line, and neither runner prints it in that form.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0
let missing = 0
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`summary: no report at ${file} (that runner did not finish)`)
    missing++
    continue
  }
  const r = JSON.parse(readFileSync(file, 'utf8'))
  if ('numPassedTests' in r) {
    passed += r.numPassedTests
    failed += r.numFailedTests
    skipped += r.numPendingTests + (r.numTodoTests ?? 0)
  } else if (r.stats) {
    passed += r.stats.expected + r.stats.flaky
    failed += r.stats.unexpected
    skipped += r.stats.skipped
  }
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''))
process.exit(failed > 0 || missing > 0 || passed === 0 ? 1 : 0)
