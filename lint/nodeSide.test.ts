// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { ESLint } from 'eslint'
import ts from 'typescript'
import tseslint from 'typescript-eslint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserOnlyConfig } from './nodeSide.js'

const USES_NODE = [
  "import { readFileSync } from 'node:fs'",
  "export const secret = process.env.LOOKER_CLIENT_SECRET ?? Buffer.from(readFileSync('x')).toString('hex')",
].join('\n')

let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'lint-node-side-'))
  for (const file of ['src/lib/usesNode.ts', 'src/looker-sim/server.ts', 'src/lib/usesNode.test.ts']) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), `${USES_NODE}\n`)
  }
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('browser code sees no Node', () => {
  it('lint reports Node globals and modules in browser code, not in Node-side files or tests', async () => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
        browserOnlyConfig,
      ],
    })
    const results = await eslint.lintFiles(['src/**/*.ts'])
    const byFile = Object.fromEntries(
      results.map((r) => [
        r.filePath.slice(root.length + 1),
        r.messages.map((m) => `${m.ruleId}: ${m.message}`),
      ]),
    )
    expect(byFile['src/lib/usesNode.ts']).toEqual([
      'import-x/no-nodejs-modules: Do not import Node.js builtin module "node:fs"',
      "no-restricted-globals: Unexpected use of 'process'. process is a Node global: browser code cannot use it.",
      "no-restricted-globals: Unexpected use of 'Buffer'. Buffer is a Node global: browser code cannot use it.",
    ])
    expect(byFile['src/looker-sim/server.ts']).toEqual([])
    expect(byFile['src/lib/usesNode.test.ts']).toEqual([])
  })

  it('the typecheck fails on process and Buffer with tsconfig.app.json, and passes with tsconfig.node.json', () => {
    const file = join(root, 'src/lib/usesNode.ts')
    const diagnostics = (tsconfig: string) => {
      const parsed = ts.getParsedCommandLineOfConfigFile(
        resolve(import.meta.dirname, '..', tsconfig),
        {},
        {
          ...ts.sys,
          onUnRecoverableConfigFileDiagnostic: (d) => {
            throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
          },
        },
      )
      if (!parsed) throw new Error(`cannot read ${tsconfig}`)
      const program = ts.createProgram([file], { ...parsed.options, noEmit: true, incremental: false })
      return ts
        .getPreEmitDiagnostics(program, program.getSourceFile(file))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n').split('.')[0])
    }
    expect(diagnostics('tsconfig.app.json')).toEqual([
      "Cannot find name 'node:fs'",
      "Cannot find name 'process'",
      "Cannot find name 'Buffer'",
    ])
    expect(diagnostics('tsconfig.node.json')).toEqual([])
  })
})
