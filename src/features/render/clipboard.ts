/** Copies an image to the clipboard as PNG (the one image type browsers accept everywhere). */
export async function copyImageToClipboard(blob: Blob): Promise<void> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    throw new Error('This browser cannot copy images. Use Download instead.')
  }
  const png = blob.type === 'image/png' ? blob : await toPng(blob)
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })])
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotAllowedError') {
      throw new Error('The browser did not allow copying to the clipboard. Use Download instead.', {
        cause: error,
      })
    }
    throw error
  }
}

async function toPng(blob: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(blob)
  const canvas = document.createElement('canvas')
  canvas.width = bitmap.width
  canvas.height = bitmap.height
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0)
  bitmap.close()
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (png) => (png ? resolve(png) : reject(new Error('Could not convert the image.'))),
      'image/png',
    ),
  )
}

export async function copyText(text: string): Promise<void> {
  if (!navigator.clipboard?.writeText) throw new Error('This browser cannot copy text here.')
  try {
    await navigator.clipboard.writeText(text)
  } catch (error) {
    throw new Error('The browser did not allow copying to the clipboard.', { cause: error })
  }
}
