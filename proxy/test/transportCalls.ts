import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

/**
 * Every request the app's code sends through its transport (src/lib/http.ts: `http.get/post/patch/delete`
 * and `send`), read from the source with the TypeScript parser: method and path, the path's `${…}` parts
 * as `{}`. A call whose method or path is not written out where it is made (or in a `const` it names) is
 * reported as a problem, and so is any other use of `http` or `send`: the allowlist test must see all.
 */
export interface TransportCall {
  file: string
  line: number
  method: string
  /** e.g. `/looks/{}/copy` */
  path: string
}

export interface TransportScan {
  calls: TransportCall[]
  problems: string[]
}

const HTTP_METHODS = new Set(['get', 'post', 'patch', 'delete'])

export function scanTransportCalls(
  files: { file: string; text: string }[],
  transportModule: string,
): TransportScan {
  const scan: TransportScan = { calls: [], problems: [] }
  for (const { file, text } of files) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
    const { httpNames, sendNames } = transportImports(source, file, transportModule)
    if (httpNames.size + sendNames.size === 0) continue
    const where = (node: ts.Node) =>
      `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node) && (httpNames.has(node.text) || sendNames.has(node.text))) {
        if (!ts.isImportSpecifier(node.parent)) readUse(node)
      }
      ts.forEachChild(node, visit)
    }
    const readUse = (id: ts.Identifier) => {
      const access = id.parent
      const call = httpNames.has(id.text)
        ? ts.isPropertyAccessExpression(access) &&
          access.expression === id &&
          HTTP_METHODS.has(access.name.text)
          ? { node: access.parent, method: access.name.text.toUpperCase(), pathIndex: 0 }
          : null
        : { node: access, method: null, pathIndex: 1 }
      if (!call || !ts.isCallExpression(call.node) || call.node.expression !== (call.method ? access : id)) {
        return void scan.problems.push(
          `${where(id)}: \`${id.text}\` is used in a way this scan cannot follow`,
        )
      }
      const args = call.node.arguments
      const method = call.method ?? literalText(args[0])
      const path = pathTemplate(args[call.pathIndex])
      if (!method || path === null) {
        return void scan.problems.push(`${where(call.node)}: write the method and path out at the call`)
      }
      const line = source.getLineAndCharacterOfPosition(call.node.getStart()).line + 1
      scan.calls.push({ file, line, method: method.toUpperCase(), path })
    }
    visit(source)
  }
  return scan
}

/** The local names `http` and `send` are imported under from the transport module. */
function transportImports(source: ts.SourceFile, file: string, transportModule: string) {
  const httpNames = new Set<string>()
  const sendNames = new Set<string>()
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue
    const target = resolve(dirname(file), statement.moduleSpecifier.text)
    if (target !== transportModule) continue
    const bindings = statement.importClause?.namedBindings
    if (!bindings || !ts.isNamedImports(bindings)) continue
    for (const element of bindings.elements) {
      const imported = (element.propertyName ?? element.name).text
      if (imported === 'http') httpNames.add(element.name.text)
      if (imported === 'send') sendNames.add(element.name.text)
    }
  }
  return { httpNames, sendNames }
}

function literalText(node: ts.Node | undefined): string | null {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null
}

/** A string or template literal, or a `const` initialised with one; `${…}` becomes `{}`. */
function pathTemplate(node: ts.Node | undefined): string | null {
  if (!node) return null
  const text = literalText(node)
  if (text !== null) return text
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join('')
  }
  if (ts.isIdentifier(node)) return pathTemplate(constInitializer(node))
  return null
}

/** The initializer of the `const` an identifier names, looked up in the blocks around it. */
function constInitializer(id: ts.Identifier): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue
      if (!(statement.declarationList.flags & ts.NodeFlags.Const)) continue
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === id.text)
          return declaration.initializer
      }
    }
  }
  return undefined
}

/** The app's own source files: no tests, no simulator, no test kits. */
export function appSourceFiles(root: string): { file: string; text: string }[] {
  const src = join(root, 'src')
  return readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !/^(looker-sim|test)\//.test(relative(src, file)))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
}
