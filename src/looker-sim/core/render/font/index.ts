import { OutlineFont } from './sfnt.ts'
import { readFontTables } from './woff.ts'

export { OutlineFont, type Contour, type OutlinePoint } from './sfnt.ts'

/** The renderer's type: Inter Regular for labels, Inter SemiBold for titles. */
export interface FontFaces {
  regular: OutlineFont
  semibold: OutlineFont
}

let loading: Promise<FontFaces> | null = null
let loaded: FontFaces | null = null

const decodeBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

/**
 * Loads the embedded fonts once, on first use: the font data is its own module, imported dynamically, so
 * a page that never renders never downloads it (in the browser it is a separate chunk). A failed load is
 * tried again on the next call.
 */
export function loadFonts(): Promise<FontFaces> {
  loading ??= import('./inter-data.ts')
    .then(async (data) => {
      const [regular, semibold] = await Promise.all(
        [data.INTER_REGULAR_WOFF, data.INTER_SEMIBOLD_WOFF].map(
          async (woff) => new OutlineFont(await readFontTables(decodeBase64(woff))),
        ),
      )
      return (loaded = { regular: regular!, semibold: semibold! })
    })
    .catch((error: unknown) => {
      loading = null
      throw error
    })
  return loading
}

/** The loaded fonts; drawing text before `loadFonts()` has finished is a programming error. */
export function fonts(): FontFaces {
  if (!loaded) throw new Error('looker-sim renderer: text drawn before loadFonts() finished')
  return loaded
}
