/** A file size as people read it: "980 B", "45 KB", "1.2 MB" (1 KB = 1,024 bytes, as file managers count). */
export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
