import { queryOptions, useQuery } from '@tanstack/react-query'
import { http, seg } from '../lib/http'
import { createRequestQueue } from '../lib/requestQueue'

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

/**
 * Thumbnails in flight at once, app-wide (docs/decisions/0018): a page of 50 rows asks for 50, and without a
 * limit they would take every connection the browser gives our origin while the user clicks on.
 */
export const THUMBNAIL_CONCURRENCY = 4
const queue = createRequestQueue(THUMBNAIL_CONCURRENCY)

/**
 * How long a thumbnail no row shows stays cached: long enough that coming back to a list within the
 * session (Back, another page and back) asks for nothing. An SVG thumbnail is a few KB.
 */
export const THUMBNAIL_GC_MS = 60 * 60_000

export const thumbnailKeys = {
  all: ['thumbnails'] as const,
  /** `version` (the content's updated_at) is in the key: a changed look gets a new picture, an unchanged one none. */
  one: (req: ThumbnailRequest, version: string) => [...thumbnailKeys.all, req, version] as const,
}

export const thumbnailQueries = {
  one: (req: ThumbnailRequest, version: string) =>
    queryOptions({
      queryKey: thumbnailKeys.one(req, version),
      queryFn: ({ signal }) => queue.run(() => getContentThumbnail(req, signal), signal),
      // The key holds the content's updated_at: the same key is the same picture, forever.
      staleTime: Infinity,
      gcTime: THUMBNAIL_GC_MS,
    }),
}

/** The app's thumbnails for components/ContentThumbnail, which never fetches itself. */
export const thumbnailSource = {
  useThumbnail: (req: ThumbnailRequest, version: string, enabled: boolean) =>
    useQuery({ ...thumbnailQueries.one(req, version), enabled }),
}
