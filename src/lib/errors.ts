import type { IError, IValidationError } from '@looker/sdk/lib/4.0/models'

export interface FieldError {
  field: string
  code: string
  message: string
}

export type LookerErrorKind = 'http' | 'network'

/**
 * The one error type every API function throws. `status` is the HTTP status, or 0 for a network failure
 * (no response at all), so callers can tell "the server said no" from "we never reached it".
 */
export class LookerApiError extends Error {
  readonly status: number
  readonly kind: LookerErrorKind
  readonly documentationUrl: string | null
  readonly fieldErrors: FieldError[]
  readonly retryAfterMs: number | null

  constructor(init: {
    status: number
    kind: LookerErrorKind
    message: string
    documentationUrl?: string | null
    fieldErrors?: FieldError[]
    retryAfterMs?: number | null
  }) {
    super(init.message)
    this.name = 'LookerApiError'
    this.status = init.status
    this.kind = init.kind
    this.documentationUrl = init.documentationUrl ?? null
    this.fieldErrors = init.fieldErrors ?? []
    this.retryAfterMs = init.retryAfterMs ?? null
  }

  /** Whether the server answered with one of these statuses (never true for a network failure). */
  hasStatus(...statuses: number[]): boolean {
    return this.kind === 'http' && statuses.includes(this.status)
  }

  get isNetwork() {
    return this.kind === 'network'
  }
  get isRateLimited() {
    return this.hasStatus(429)
  }
  /** Worth retrying a read: the network dropped, the server was overloaded or asked us to wait. */
  get isTransient() {
    return this.isNetwork || this.hasStatus(429, 500, 502, 503, 504)
  }

  fieldError(field: string): FieldError | undefined {
    return this.fieldErrors.find((e) => e.field === field)
  }
}

export function isLookerApiError(e: unknown): e is LookerApiError {
  return e instanceof LookerApiError
}

/**
 * The one status check for anything thrown or held in a query's `error`: a LookerApiError whose server
 * answer has one of `statuses`. Anything else (an abort, a plain Error, null) is never a status.
 */
export function hasStatus(e: unknown, ...statuses: number[]): e is LookerApiError {
  return isLookerApiError(e) && e.hasStatus(...statuses)
}

const STATUS_TEXT: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'You are signed out.',
  403: 'You are not allowed to do that.',
  404: 'Not found.',
  409: 'That conflicts with something that already exists.',
  422: 'Some values are not valid.',
  429: 'Looker is receiving too many requests. Please wait a moment.',
  500: 'Looker had an internal error.',
  502: 'Looker could not be reached (bad gateway).',
  503: 'Looker is temporarily unavailable.',
  504: 'Looker took too long to answer.',
}

/** Builds the error from a non-2xx response whose body may be a Looker Error/ValidationError or anything else. */
export async function errorFromResponse(res: Response): Promise<LookerApiError> {
  let body: Partial<IValidationError & IError> | null
  try {
    const text = await res.text()
    body = text ? (JSON.parse(text) as Partial<IValidationError>) : null
  } catch {
    body = null
  }
  const fieldErrors: FieldError[] = (body?.errors ?? []).map((e) => ({
    field: e.field ?? '',
    code: e.code ?? '',
    message: e.message ?? 'is not valid',
  }))
  const serverMessage = typeof body?.message === 'string' && body.message.trim() ? body.message : null
  return new LookerApiError({
    status: res.status,
    kind: 'http',
    message: serverMessage ?? STATUS_TEXT[res.status] ?? `Looker answered with HTTP ${res.status}.`,
    documentationUrl: body?.documentation_url ?? null,
    fieldErrors,
    retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
  })
}

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). Headers.get is case-insensitive. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value == null) return null
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return null
  return Math.max(0, date - now)
}

/** A short, human sentence for any thrown value, for alerts and snackbars. */
export function describeError(e: unknown): string {
  if (e instanceof LookerApiError) {
    if (e.isNetwork) return 'Could not reach Looker. Check your connection and try again.'
    if (e.hasStatus(422) && e.fieldErrors.length > 0) {
      return e.fieldErrors.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; ')
    }
    return e.message
  }
  if (e instanceof Error) return e.message
  return 'Something went wrong.'
}

/** A refused save laid out on a form: a message under each field, and what fits no field. */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>
  /** Field errors for fields the form does not have, as "field: message". */
  unplaced: string[]
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`.replace(/\.\.$/, '.')

/**
 * The one mapping from a refused save to form fields: a 422's field errors go under the fields
 * `fieldMap` names (Looker's field name → the form's; own keys only, so a field named `constructor`
 * is not mistaken for one), and a 409 (a clash, such as a title already used in the folder) goes under
 * `conflictField`. Null for anything else: that is shown whole.
 */
export function fieldErrorsFrom<F extends string>(
  error: unknown,
  fieldMap: Readonly<Record<string, F>>,
  conflictField?: F,
): FormErrors<F> | null {
  if (conflictField !== undefined && hasStatus(error, 409)) {
    return { fields: { [conflictField]: error.message } as Partial<Record<F, string>>, unplaced: [] }
  }
  if (!hasStatus(error, 422) || error.fieldErrors.length === 0) return null
  const mapped: FormErrors<F> = { fields: {}, unplaced: [] }
  for (const { field, message } of error.fieldErrors) {
    const target = Object.hasOwn(fieldMap, field) ? fieldMap[field] : undefined
    if (target !== undefined) mapped.fields[target] = sentence(message)
    else mapped.unplaced.push(`${field}: ${message}`)
  }
  return mapped
}
