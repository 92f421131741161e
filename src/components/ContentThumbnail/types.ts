import type { Remote } from '../remote'

export type ThumbnailKind = 'look' | 'dashboard'

/** What the thumbnail asks its source for: one picture of one look or dashboard, in the theme's mode. */
export interface ThumbnailAsk {
  type: ThumbnailKind
  id: string
  theme: 'light' | 'dark'
}

/**
 * Where thumbnails come from (api/thumbnails.ts has the app's): `version` is the content's updated_at, so
 * a changed look gets a new picture and an unchanged one is never asked for twice; nothing is asked for
 * until `enabled` (the row has come into view).
 */
export interface ThumbnailSource {
  useThumbnail(ask: ThumbnailAsk, version: string, enabled: boolean): Remote<Blob>
}

export interface ContentThumbnailProps {
  source: ThumbnailSource
  type: ThumbnailKind
  id: string
  /**
   * updated_at (or anything that changes when the picture may); null when the content has none. The SDK
   * types dates as Date, though JSON brings strings: either is read as the same version.
   */
  version: string | Date | null | undefined
  /** CSS pixels; the height follows at Looker's 4:3. */
  width: number
}

/** The cache's version string for a `version` prop. */
export const versionKey = (version: ContentThumbnailProps['version']): string =>
  version instanceof Date ? version.toISOString() : (version ?? '')
