/**
 * Scrolls `element` into view inside its nearest scrolling box (the picker dialog's list), never the page.
 * `scrollIntoView` would also scroll the window, which on the search page fought the router's scroll
 * restoration: Back to /looks landed near the folder panel instead of where the user had been.
 */
export function revealInScrollBox(element: HTMLElement) {
  for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
    const { overflowY } = getComputedStyle(box)
    if ((overflowY !== 'auto' && overflowY !== 'scroll') || box.scrollHeight <= box.clientHeight) continue
    const top = element.getBoundingClientRect().top - box.getBoundingClientRect().top
    const bottom = top + element.offsetHeight - box.clientHeight
    if (top < 0) box.scrollTop += top
    else if (bottom > 0) box.scrollTop += bottom
    return
  }
}
