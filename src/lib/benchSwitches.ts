/**
 * Only in a build made by `npm run bench:render` (VITE_BENCH=1): `?poll=fixed-500` swaps THE polling
 * policy for the official SDK example's fixed 0.5 s loop, the benchmark's baseline. Any other build
 * leaves this out entirely (the condition is a build-time constant), and the polling code is imported
 * here only on that path, so it stays out of the first load (decision 0012).
 */
export async function applyBenchSwitches(search: string): Promise<void> {
  if (import.meta.env.VITE_BENCH !== '1') return
  if (new URLSearchParams(search).get('poll') !== 'fixed-500') return
  const { fixedIntervalPolicy, setPollingPolicy } = await import('./polling')
  setPollingPolicy(fixedIntervalPolicy(500))
}
