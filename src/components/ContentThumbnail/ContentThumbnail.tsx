import { useTheme } from '@mui/material/styles'
import { useRef, useState } from 'react'
import { useInView } from '../../lib/useInView'
import { useObjectUrl } from '../../lib/useObjectUrl'
import { ThumbnailBox } from './ThumbnailBox'
import { versionKey, type ContentThumbnailProps } from './types'

/**
 * A look's or dashboard's thumbnail (Looker's content_thumbnail: an abstract picture of its visualization,
 * never its data), in the theme's mode. It is asked for once the box comes into view, shown through an
 * object URL that is revoked when the box leaves the screen, and decorative (alt=""): the title beside it
 * says what it is. While loading, and if it fails, the box stays a neutral tint.
 */
export function ContentThumbnail({ source, type, id, version, width }: ContentThumbnailProps) {
  const box = useRef<HTMLDivElement>(null)
  const inView = useInView(box)
  const theme = useTheme().palette.mode
  const thumbnail = source.useThumbnail({ type, id, theme }, versionKey(version), inView && id !== '')
  const url = useObjectUrl(thumbnail.data)
  // A body that is not a picture (a proxy's error page, say) fails to decode: the tint stays.
  const [brokenUrl, setBrokenUrl] = useState<string | null>(null)
  const height = Math.round((width * 3) / 4)
  return (
    <ThumbnailBox ref={box} width={width}>
      {url && url !== brokenUrl && (
        <img
          src={url}
          alt=""
          width={width}
          height={height}
          onError={() => setBrokenUrl(url)}
          style={{ display: 'block', width: '100%', height: '100%', objectFit: 'cover' }}
        />
      )}
    </ThumbnailBox>
  )
}
