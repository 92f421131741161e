/**
 * Arrow keys cross between the search field and the results table (ArrowDown from the field to the first
 * row, ArrowUp from the first row back), which sit in different components: they find each other by these.
 */
export const ROW_LINK = 'a[data-row-link]'
export const SEARCH_INPUT = 'input[data-look-search]'
