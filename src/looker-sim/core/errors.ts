/** Wire shapes of Looker's error bodies (`Error`, `ValidationError`). */
export interface ApiError {
  message: string
  documentation_url: string
}

export interface ApiValidationErrorDetail {
  field: string
  code: string
  message: string
  documentation_url: string
}

export interface ApiValidationError extends ApiError {
  errors: ApiValidationErrorDetail[]
}

export type ErrorBody = ApiError | ApiValidationError

const DOCS_BASE = 'https://cloud.google.com/looker/docs/r/err/4.0'

/**
 * Looker's documentation_url points at the status and the operation, e.g.
 * https://cloud.google.com/looker/docs/r/err/4.0/404/get/looks/:look_id. The store does not know the
 * route, so it uses the status-only form and the router fills in the operation.
 */
export function documentationUrl(status: number, method?: string, routePattern?: string): string {
  if (!method || !routePattern) return `${DOCS_BASE}/${status}`
  return `${DOCS_BASE}/${status}/${method.toLowerCase()}${routePattern}`
}

/** An HTTP failure decided by the simulator's rules; adapters turn it into a response. */
export class SimHttpError extends Error {
  readonly status: number
  readonly body: ErrorBody
  readonly headers: Record<string, string>

  constructor(status: number, body: ErrorBody, headers: Record<string, string> = {}) {
    super(body.message)
    this.name = 'SimHttpError'
    this.status = status
    this.body = body
    this.headers = headers
  }
}

/** Thrown by `handle()` for a dropped connection; adapters map it to a network error. */
export class SimNetworkError extends TypeError {
  constructor(message = 'Failed to fetch') {
    super(message)
    this.name = 'SimNetworkError'
  }
}

function simpleError(status: number, message: string): SimHttpError {
  return new SimHttpError(status, { message, documentation_url: documentationUrl(status) })
}

export const badRequest = (message: string) => simpleError(400, message)
export const unauthorized = () => simpleError(401, 'Requires authentication.')
export const forbidden = (message: string) => simpleError(403, message)
export const notFound = () => simpleError(404, 'Not found')
export const conflict = (message: string) => simpleError(409, message)

export interface FieldError {
  field: string
  code: 'missing' | 'invalid' | 'too_long' | 'not_found' | 'already_exists'
  message: string
}

export function validationFailed(errors: FieldError[]): SimHttpError {
  const documentation_url = documentationUrl(422)
  return new SimHttpError(422, {
    message: 'Validation Failed',
    errors: errors.map((e) => ({ ...e, documentation_url })),
    documentation_url,
  })
}

/** Rewrites the status-only documentation_url into the operation-specific one. */
export function withOperationDocs(
  body: ErrorBody,
  status: number,
  method: string,
  pattern: string,
): ErrorBody {
  const url = documentationUrl(status, method, pattern)
  const generic = documentationUrl(status)
  const fix = (value: string) => (value === generic ? url : value)
  if ('errors' in body) {
    return {
      ...body,
      documentation_url: fix(body.documentation_url),
      errors: body.errors.map((e) => ({ ...e, documentation_url: fix(e.documentation_url) })),
    }
  }
  return { ...body, documentation_url: fix(body.documentation_url) }
}
