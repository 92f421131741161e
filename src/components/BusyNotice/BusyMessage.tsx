import { useSecondsLeft } from './useSecondsLeft'

/**
 * "Looker is busy, retrying in 3 s…": the words for a write waiting out a 429 (or a 503 with Retry-After),
 * counting down. A screen reader hears one sentence when it appears (a live region without the number);
 * the count, which changes every second, is for the eyes only.
 */
export function BusyMessage({ until, count = 1 }: { until: number; count?: number }) {
  const seconds = useSecondsLeft(until)
  const what = count > 1 ? ` ${count} changes` : ''
  return (
    <>
      <span role="status" style={visuallyHidden}>
        Looker is busy; retrying{what} shortly.
      </span>
      <span aria-hidden>
        Looker is busy, retrying{what} {seconds > 0 ? `in ${seconds} s` : 'now'}…
      </span>
    </>
  )
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const
