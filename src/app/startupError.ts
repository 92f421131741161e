/** When no backend could start there is no React tree yet: say so in plain DOM, as an alert. */
export function showStartupError(root: HTMLElement, error: unknown) {
  console.error(error)
  root.textContent = ''
  const message = document.createElement('p')
  message.setAttribute('role', 'alert')
  message.style.cssText = 'font: 16px system-ui; padding: 24px'
  message.textContent = `Lookbook could not start: ${error instanceof Error ? error.message : String(error)}`
  root.append(message)
}
