import { useEffect, useState } from 'react'

/**
 * An object URL for a Blob while the component showing it is mounted; revoked when the Blob changes or
 * the image leaves the screen, so memory stays bounded by what is visible plus the capped history.
 */
export function useObjectUrl(blob: Blob | null | undefined): string | null {
  const [entry, setEntry] = useState<{ blob: Blob; url: string } | null>(null)
  useEffect(() => {
    if (!blob) return
    const url = URL.createObjectURL(blob)
    // Publishing the URL of a resource this effect owns: the effect is the subscription here.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setEntry({ blob, url })
    return () => URL.revokeObjectURL(url)
  }, [blob])
  return entry && entry.blob === blob ? entry.url : null
}
