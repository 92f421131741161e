import type { ILook } from '@looker/sdk/lib/4.0/models'
import { thumbnailSource } from '../../api/thumbnails'
import { ContentThumbnail } from '../../components/ContentThumbnail'

/**
 * A result row's thumbnail, wired to the app's thumbnails. Loaded lazily by the table after the first
 * results are on screen: neither its code nor the thumbnail queue is part of /looks' first load (0012).
 */
export function ResultThumbnail({ look, width }: { look: ILook; width: number }) {
  return (
    <ContentThumbnail
      source={thumbnailSource}
      type="look"
      id={look.id ?? ''}
      version={look.updated_at}
      width={width}
    />
  )
}
