/**
 * One codec for every list page whose state is its URL (search, trash, unused): each page declares its
 * parameters once, and the rules are the same everywhere:
 * - a bad value falls back to its default and is reported (the page says so and corrects the URL);
 * - defaults stay out of the URL, so the plain page is the default view;
 * - parameters the page does not own (the demo's `sim_*`, another page's) are kept as they are.
 */

export type Parsed<T> = { value: T } | 'default' | 'invalid'

/** How one value is read from and written to a URL parameter. */
export interface ParamCodec<T> {
  parse(raw: string): Parsed<T>
  format(value: T): string
}

export interface UrlField<S> {
  key: keyof S
  param: string
  codec: ParamCodec<never>
  /** Read only in these states (two fields may share a parameter, each in its own state). */
  readIf?: (state: S) => boolean
  /** Written only in these states (default: readIf). */
  writeIf?: (state: S) => boolean
}

/** A field of state `S`: `key` kept in the URL parameter `param` (default: the key's name). */
export function field<S, K extends keyof S & string>(
  key: K,
  codec: ParamCodec<S[K]>,
  options: { param?: string; readIf?: (state: S) => boolean; writeIf?: (state: S) => boolean } = {},
): UrlField<S> {
  return { key, param: options.param ?? key, codec: codec as ParamCodec<never>, ...options }
}

/** A value the URL held that could not be used: the page names it in its notice. */
export interface InvalidParam {
  param: string
  value: string
}

/**
 * The sentence a page's notice gives for an ignored URL value: what was ignored (cut to 40 characters) and
 * what shows instead (`fallbacks`, per parameter).
 */
export function describeIgnoredParam(fallbacks: Readonly<Record<string, string>>) {
  return ({ param, value }: InvalidParam): string =>
    `Ignored ${param}="${value.trim().slice(0, 40)}": ${fallbacks[param] ?? 'using the default'}.`
}

export interface UrlCodec<S> {
  defaults: S
  /** The key that is paging itself: any other change starts again at its default (page 1). */
  pageKey: keyof S | null
  parse(search: URLSearchParams): { state: S; invalid: InvalidParam[] }
  /** `state` written over `base`, keeping the parameters this page does not own. */
  write(state: S, base?: URLSearchParams): URLSearchParams
}

export function urlCodec<S extends object>(
  defaults: S,
  fields: UrlField<S>[],
  pageKey: keyof S | null = null,
): UrlCodec<S> {
  const format = (f: UrlField<S>, value: unknown) => (f.codec as ParamCodec<unknown>).format(value)
  const owned = new Set(fields.map((f) => f.param))
  return {
    defaults,
    pageKey,
    parse(search) {
      const state = { ...defaults }
      const invalid: InvalidParam[] = []
      for (const f of fields) {
        if (f.readIf && !f.readIf(state)) continue
        const raw = search.get(f.param)
        if (raw === null) continue
        const parsed = (f.codec as ParamCodec<unknown>).parse(raw)
        if (parsed === 'invalid') invalid.push({ param: f.param, value: raw })
        else if (parsed !== 'default') (state as Record<keyof S, unknown>)[f.key] = parsed.value
      }
      return { state, invalid }
    },
    write(state, base = new URLSearchParams()) {
      const next = new URLSearchParams(base)
      for (const param of owned) next.delete(param)
      for (const f of fields) {
        const writeIf = f.writeIf ?? f.readIf
        if ((writeIf && !writeIf(state)) || next.has(f.param)) continue
        const value = format(f, state[f.key])
        if (value !== format(f, defaults[f.key])) next.set(f.param, value)
      }
      return next
    },
  }
}

// ---- the parameters list pages share -------------------------------------------------------------

/** Looker ids are opaque strings; in practice digits, sometimes slugs. Anything URL-hostile is refused. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
export const PAGE_SIZES = [25, 50, 100] as const
export type PageSize = (typeof PAGE_SIZES)[number]
/** A page past this cannot be real at 100 a page; it guards `offset` against absurd numbers. */
export const MAX_PAGE = 100_000
export const MAX_TEXT_LENGTH = 200

/** Search text as typed (not trimmed: the box echoes the URL, and a trailing space is typing). */
export const textParam: ParamCodec<string> = {
  parse: (raw) => (raw.length > MAX_TEXT_LENGTH ? 'invalid' : { value: raw }),
  format: (value) => value,
}

/** An optional id (null: any). */
export const idParam: ParamCodec<string | null> = {
  parse: (raw) =>
    raw.trim() === '' ? 'default' : ID_PATTERN.test(raw.trim()) ? { value: raw.trim() } : 'invalid',
  format: (value) => value ?? '',
}

export const flagParam: ParamCodec<boolean> = {
  parse: (raw) => {
    const value = raw.trim()
    if (value === '1' || value === 'true') return { value: true }
    if (value === '0' || value === 'false' || value === '') return { value: false }
    return 'invalid'
  },
  format: (value) => (value ? '1' : ''),
}

/** 1-based. */
export const pageParam: ParamCodec<number> = {
  parse: (raw) => {
    const value = /^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : NaN
    return value >= 1 && value <= MAX_PAGE ? { value } : 'invalid'
  },
  format: String,
}

/** One of a fixed list of values (numbers or strings), compared as written in the URL. */
export function oneOfParam<T extends string | number>(list: readonly T[]): ParamCodec<T> {
  return {
    parse: (raw) => {
      const value = list.find((item) => String(item) === raw.trim())
      return value === undefined ? 'invalid' : { value }
    },
    format: String,
  }
}

/** A key of a fixed table (sort orders): own keys only, so `constructor` or `toString` never match. */
export function keyOfParam<T extends string>(table: Readonly<Record<T, unknown>>): ParamCodec<T> {
  return {
    parse: (raw) => (Object.hasOwn(table, raw.trim()) ? { value: raw.trim() as T } : 'invalid'),
    format: (value) => value,
  }
}

export const pageSizeParam = oneOfParam(PAGE_SIZES)

/** Any text up to `max` characters; empty is refused (a value must say something). */
export function textValueParam(max: number): ParamCodec<string> {
  return {
    parse: (raw) => (raw === '' || raw.length > max ? 'invalid' : { value: raw }),
    format: (value) => value,
  }
}

/**
 * A comma-separated list whose every item `item` accepts (one bad item refuses the whole list: the page
 * cannot guess what the rest meant without it). Empty means the default. Null formats as nothing.
 */
export function listParam(item: (text: string) => boolean, maxItems = 50): ParamCodec<string[] | null> {
  return {
    parse: (raw) => {
      if (raw.trim() === '') return 'default'
      const items = raw.split(',').map((text) => text.trim().replace(/\s+/g, ' '))
      return items.length <= maxItems && items.every(item) ? { value: items } : 'invalid'
    },
    format: (value) => (value ?? []).join(','),
  }
}

/** A whole number from `min` to `max`, or null (the default) when absent. */
export function intParam(min: number, max: number): ParamCodec<number | null> {
  return {
    parse: (raw) => {
      const text = raw.trim()
      const value = /^\d{1,9}$/.test(text) ? Number(text) : NaN
      return value >= min && value <= max ? { value } : 'invalid'
    },
    format: (value) => (value === null ? '' : String(value)),
  }
}
