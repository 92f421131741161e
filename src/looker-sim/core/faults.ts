import { deriveSeed, Random } from './random'

export type FaultKind = 429 | 500 | 503 | 'drop' | 'delay'

/**
 * One way to misbehave. `path` is a glob relative to /api/4.0: `*` matches within one path segment,
 * `**` across segments ('/looks/*' matches /looks/12 and /looks/search, not /looks/12/copy).
 */
export interface FaultRule {
  kind: FaultKind
  /** Probability per matching request, 0…1. */
  rate: number
  method?: string
  path?: string
  /** For 'delay'. */
  delayMs?: number
  /** For 429 (default 2). */
  retryAfterSeconds?: number
}

/** What to do with one request, decided before it reaches the routes. */
export interface FaultDecision {
  delayMs: number
  /** The first matching error-like fault (429/500/503/drop) that fired, if any. */
  failure: FaultRule | null
}

export type FaultStats = Record<'429' | '500' | '503' | 'drop' | 'delay', number>

const emptyStats = (): FaultStats => ({ '429': 0, '500': 0, '503': 0, drop: 0, delay: 0 })

/**
 * Decides faults deterministically from the simulator's seed, so a failing run can be replayed. Each request
 * has its own dice, from the seed, its method and path and how many times that method and path came before:
 * the 3rd GET /looks/3 meets the same fault whatever other requests ran in between (a page's requests run
 * concurrently, and their order varies from run to run).
 */
export class FaultInjector {
  private list: FaultRule[] = []
  private matchers: ((method: string, path: string) => boolean)[] = []
  private readonly seed: number
  private readonly seen = new Map<string, number>()
  readonly stats: FaultStats = emptyStats()

  constructor(seed: number, rules: FaultRule[] = []) {
    this.seed = deriveSeed(seed, 'faults')
    this.setRules(rules)
  }

  setRules(rules: FaultRule[]): void {
    for (const rule of rules) validateRule(rule)
    this.list = rules.map((rule) => ({ ...rule }))
    this.matchers = this.list.map(compileMatcher)
  }

  rules(): FaultRule[] {
    return this.list.map((rule) => ({ ...rule }))
  }

  /** Rolls every matching rule once (in order); delays add up, the first failure wins. */
  decide(method: string, path: string): FaultDecision {
    let delayMs = 0
    let failure: FaultRule | null = null
    const key = `${method} ${path}`
    const nth = this.seen.get(key) ?? 0
    this.seen.set(key, nth + 1)
    const rng = new Random(deriveSeed(this.seed, `${key}#${nth}`))
    for (const [index, rule] of this.list.entries()) {
      if (!this.matchers[index]?.(method, path)) continue
      if (rng.next() >= rule.rate) continue
      if (rule.kind === 'delay') {
        delayMs += rule.delayMs ?? 0
        this.stats.delay++
      } else if (!failure) {
        failure = rule
        this.stats[String(rule.kind) as keyof FaultStats]++
      }
    }
    return { delayMs, failure }
  }
}

function validateRule(rule: FaultRule): void {
  if (![429, 500, 503, 'drop', 'delay'].includes(rule.kind))
    throw new Error(`Unknown fault kind "${String(rule.kind)}".`)
  if (!(rule.rate >= 0 && rule.rate <= 1))
    throw new Error(`Fault rate must be between 0 and 1, got ${rule.rate}.`)
  if (rule.kind === 'delay' && !(Number.isFinite(rule.delayMs) && (rule.delayMs ?? -1) >= 0)) {
    throw new Error('A delay fault needs delayMs ≥ 0.')
  }
}

function compileMatcher(rule: FaultRule): (method: string, path: string) => boolean {
  const method = rule.method && rule.method !== '*' ? rule.method.toUpperCase() : null
  const path = rule.path ? globToRegExp(rule.path) : null
  return (m, p) => (method === null || m.toUpperCase() === method) && (path === null || path.test(p))
}

function globToRegExp(glob: string): RegExp {
  const normalised = glob.startsWith('/') ? glob : `/${glob}`
  const source = normalised
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((literal) => literal.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*')
  return new RegExp(`^${source}/?$`)
}

/**
 * Parses the URL form used by `?sim_faults=` and `npm run sim -- --faults`:
 *   kind@rate[@METHOD][@/path/glob], rules separated by ";"
 * where kind is 429, 429=<retry-after seconds>, 500, 503, drop, or delay=<ms>. Example:
 *   429@0.3@DELETE@/looks/*;500@0.1;drop@0.05@GET;delay=800@1@GET@/looks/search
 */
export function parseFaultSpec(text: string): FaultRule[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const fail = (why: string): never => {
        throw new Error(
          `Invalid fault "${part}": ${why}. Expected kind@rate[@METHOD][@/path], e.g. 429@0.3@GET@/looks/*`,
        )
      }
      const [kindText = '', rateText, ...rest] = part.split('@')
      if (rateText === undefined) fail('missing rate')
      const rate = Number(rateText)
      if (!Number.isFinite(rate) || rate < 0 || rate > 1)
        fail(`rate "${rateText}" is not a number from 0 to 1`)
      const rule: FaultRule = { ...parseKind(kindText, fail), rate }
      for (const extra of rest) {
        if (extra.startsWith('/')) {
          if (rule.path) fail('more than one path')
          rule.path = extra
        } else if (/^[A-Za-z]+$/.test(extra) || extra === '*') {
          if (rule.method) fail('more than one method')
          rule.method = extra.toUpperCase()
        } else fail(`"${extra}" is neither a METHOD nor a /path`)
      }
      return rule
    })
}

function parseKind(text: string, fail: (why: string) => never): Omit<FaultRule, 'rate'> {
  const [name = '', value] = text.split('=')
  const amount = value === undefined ? undefined : Number(value)
  if (amount !== undefined && !(Number.isFinite(amount) && amount >= 0))
    fail(`"${value}" is not a non-negative number`)
  switch (name.toLowerCase()) {
    case '429':
      return { kind: 429, retryAfterSeconds: amount ?? 2 }
    case '500':
    case '503':
      if (amount !== undefined) fail(`${name} takes no value`)
      return { kind: Number(name) as 500 | 503 }
    case 'drop':
      if (amount !== undefined) fail('drop takes no value')
      return { kind: 'drop' }
    case 'delay':
      if (amount === undefined) fail('delay needs milliseconds, e.g. delay=800')
      return { kind: 'delay', delayMs: amount }
    default:
      return fail(`unknown kind "${name}" (use 429, 500, 503, drop or delay=<ms>)`)
  }
}
