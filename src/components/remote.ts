/**
 * What a shared component is told about a read it does not make itself: components/ never fetch, so the
 * data comes from hooks passed in (a react-query result fits this shape as it is).
 */
export interface Remote<T> {
  data: T | undefined
  isPending: boolean
  isFetching: boolean
  isError: boolean
  error: unknown
  refetch: () => unknown
}
