/**
 * Thrown for render requests the renderer cannot honour. `status` says how the simulator should
 * answer: 400 for a malformed request (wrong type), 422 for a well-formed but unacceptable value
 * (out of range, unknown paper size). `field` and `code` match the shape of Looker's validation errors.
 */
export class RenderInputError extends Error {
  readonly status: 400 | 422
  readonly field: string
  readonly code: 'missing' | 'invalid'

  constructor(status: 400 | 422, field: string, code: 'missing' | 'invalid', message: string) {
    super(message)
    this.name = 'RenderInputError'
    this.status = status
    this.field = field
    this.code = code
  }
}

/** Inclusive pixel bounds for any rendered image or tile raster. */
export const MIN_RENDER_SIZE = 1
export const MAX_RENDER_SIZE = 4096

export function checkDimension(field: string, value: unknown): number {
  if (value === undefined || value === null)
    throw new RenderInputError(400, field, 'missing', `${field} is required`)
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new RenderInputError(400, field, 'invalid', `${field} must be an integer number of pixels`)
  }
  if (value < MIN_RENDER_SIZE || value > MAX_RENDER_SIZE) {
    throw new RenderInputError(
      422,
      field,
      'invalid',
      `${field} must be between ${MIN_RENDER_SIZE} and ${MAX_RENDER_SIZE}`,
    )
  }
  return value
}
