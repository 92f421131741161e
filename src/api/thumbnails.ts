import { queryOptions } from '@tanstack/react-query'
import { http, seg } from '../lib/http'

export type ThumbnailType = 'look' | 'dashboard'
export type ThumbnailTheme = 'light' | 'dark'

export interface ThumbnailRequest {
  type: ThumbnailType
  id: string
  theme: ThumbnailTheme
  /** PNG at a size; SVG (Looker's default) when left out. */
  png?: { width: number; height: number }
}

/**
 * content_thumbnail: GET /content_thumbnail/{type}/{resource_id}: an abstract picture of a look's or
 * dashboard's visualization (not its data), SVG by default. Read as a Blob and shown through an object
 * URL in an <img>, so an SVG can never run script in the app's origin.
 */
export function getContentThumbnail(req: ThumbnailRequest, signal?: AbortSignal) {
  const query = req.png
    ? { theme: req.theme, format: 'png', width: req.png.width, height: req.png.height }
    : { theme: req.theme }
  return http.get<Blob>(`/content_thumbnail/${seg(req.type)}/${seg(req.id)}`, {
    query,
    signal,
    responseType: 'blob',
  })
}

export const thumbnailKeys = {
  all: ['thumbnails'] as const,
  /** `version` (the content's updated_at) is in the key: a changed look gets a new picture, an unchanged one none. */
  one: (req: ThumbnailRequest, version: string) => [...thumbnailKeys.all, req, version] as const,
}

export const thumbnailQueries = {
  one: (req: ThumbnailRequest, version: string) =>
    queryOptions({
      queryKey: thumbnailKeys.one(req, version),
      queryFn: ({ signal }) => getContentThumbnail(req, signal),
      staleTime: Infinity,
    }),
}
