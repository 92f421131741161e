import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { useCorrectedUrl } from './useCorrectedUrl'
import type { InvalidParam, UrlCodec } from './urlState'

export interface UrlUpdateOptions {
  /** Replace the history entry instead of pushing one (typing, corrections). */
  replace?: boolean
  /** Values found unusable after parsing (e.g. an id that does not exist): named in the notice. */
  corrected?: InvalidParam[]
}

/**
 * A list page's state, read from and written to the URL with its codec (lib/urlState.ts). Invalid values
 * are corrected at once with a `replace` (so Back never lands on the broken URL again) and carried in
 * history state under `noticeKey` for a dismissible notice. Any change but paging starts at page 1;
 * only a new page scrolls to the top.
 */
export function useUrlState<S extends object>(codec: UrlCodec<S>, noticeKey: string) {
  const [params, setParams] = useSearchParams()
  const parsed = useMemo(() => codec.parse(params), [codec, params])

  const update = useCallback(
    (patch: Partial<S>, options: UrlUpdateOptions = {}) => {
      const paging = codec.pageKey !== null && codec.pageKey in patch
      const state = options.corrected ? { [noticeKey]: options.corrected } : undefined
      setParams(
        (previous) => {
          const next = { ...codec.parse(previous).state, ...patch }
          if (codec.pageKey !== null && !paging) next[codec.pageKey] = codec.defaults[codec.pageKey]
          return codec.write(next, previous)
        },
        { replace: options.replace ?? false, state, preventScrollReset: !paging },
      )
    },
    [codec, noticeKey, setParams],
  )

  const { notice, dismissNotice } = useCorrectedUrl<InvalidParam>(noticeKey, parsed.invalid, () =>
    codec.write(parsed.state, params),
  )

  return { state: parsed.state, update, notice, dismissNotice }
}
