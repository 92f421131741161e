/**
 * Search text as a Looker SQL LIKE pattern, for every text search in the app (looks, trash, owners):
 * always a contains-search for the words in that order (`%word%other%`). A `%` or `_` the user typed
 * stays a wildcard inside it, so `utm_source` still finds "… utm_source …" (docs/decisions/0005-search-list.md).
 */
export function toLikePattern(text: string): string | undefined {
  const words = text.trim().split(/\s+/)
  if (words[0] === '') return undefined
  return `%${words.join('%')}%`
}
