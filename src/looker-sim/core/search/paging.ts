import { badRequest } from '../errors'

export interface PagingInput {
  limit?: number
  offset?: number
  /** Deprecated in the spec but still accepted: 1-based page of `per_page` rows. */
  page?: number
  per_page?: number
}

/** limit/offset take priority over page/per_page, as the spec says. Returns [start, end). */
export function pageWindow(input: PagingInput, total: number): [number, number] {
  for (const [name, value] of Object.entries(input)) {
    if (value !== undefined && (!Number.isInteger(value) || (value as number) < 0)) {
      throw badRequest(`Invalid value "${String(value)}" for ${name}: expected a non-negative integer.`)
    }
  }
  if (input.limit !== undefined || input.offset !== undefined) {
    const start = input.offset ?? 0
    return [start, input.limit === undefined ? total : start + input.limit]
  }
  if (input.per_page !== undefined) {
    const page = Math.max(1, input.page ?? 1)
    return [(page - 1) * input.per_page, page * input.per_page]
  }
  return [0, total]
}
