const numbers = new Intl.NumberFormat()

/** A count grouped for reading ("1,234"); "—" when the server did not say. */
export function formatCount(value: number | null | undefined): string {
  return value == null ? '—' : numbers.format(value)
}

/** "1 look", "2 looks", "1,200 looks": the count with the word in the form English needs. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`
}
