export type { ContentThumbnailProps, ThumbnailAsk, ThumbnailKind, ThumbnailSource } from './types'
export { ThumbnailBox } from './ThumbnailBox'
export { ContentThumbnail } from './ContentThumbnail'
