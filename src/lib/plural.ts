/** "1 look", "2 looks", "1,200 looks": the count with the word in the form English needs. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`
}
