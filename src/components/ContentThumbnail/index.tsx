import { lazy } from 'react'
import { AfterContent } from '../AfterContent'
import { ThumbnailBox } from './ThumbnailBox'
import type { ContentThumbnailProps } from './types'

export type { ContentThumbnailProps, ThumbnailAsk, ThumbnailKind, ThumbnailSource } from './types'
export { ThumbnailBox } from './ThumbnailBox'

const ContentThumbnail = lazy(() =>
  import('./ContentThumbnail').then((m) => ({ default: m.ContentThumbnail })),
)

/**
 * The thumbnail, loaded after the page's main content (decision 0012): its code and its requests never
 * come before a list's first rows. Until then, the same fixed box.
 */
export function DeferredThumbnail(props: ContentThumbnailProps) {
  return (
    <AfterContent placeholder={<ThumbnailBox width={props.width} />}>
      <ContentThumbnail {...props} />
    </AfterContent>
  )
}
