/**
 * Just enough of a Dockerfile reader for server/deployment.test.ts to run the file's steps on the host:
 * stages, and per stage its instructions with line continuations joined and comments dropped.
 */
export interface Instruction {
  keyword: string
  /** The text after the keyword, flags included. */
  args: string
}

export interface Stage {
  from: string
  name: string | null
  instructions: Instruction[]
}

export function parseDockerfile(text: string): Stage[] {
  const logical: string[] = []
  let current = ''
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line) && current === '') continue
    if (/^\s*#/.test(line)) continue // a comment inside a continued instruction
    const continued = /\\\s*$/.test(line)
    current += `${continued ? line.replace(/\\\s*$/, '') : line} `
    if (!continued) {
      if (current.trim()) logical.push(current.trim().replace(/\s+/g, ' '))
      current = ''
    }
  }
  const stages: Stage[] = []
  for (const entry of logical) {
    const [keyword = '', ...rest] = entry.split(' ')
    const args = rest.join(' ')
    if (keyword.toUpperCase() === 'FROM') {
      const match = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args)
      stages.push({ from: match?.[1] ?? args, name: match?.[2] ?? null, instructions: [] })
    } else if (stages.length > 0) {
      stages.at(-1)!.instructions.push({ keyword: keyword.toUpperCase(), args })
    }
  }
  return stages
}

/** The instruction's leading `--flag=value` options, and what follows them. */
export function splitFlags(args: string): { flags: string[]; rest: string } {
  const flags: string[] = []
  let rest = args
  for (let m = /^(--\S+)\s+/.exec(rest); m; m = /^(--\S+)\s+/.exec(rest)) {
    flags.push(m[1])
    rest = rest.slice(m[0].length)
  }
  return { flags, rest }
}

/** A JSON-array (exec form) CMD or HEALTHCHECK command. */
export function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args)
  if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === 'string'))
    throw new Error(`Not an exec-form command: ${args}`)
  return parsed
}
