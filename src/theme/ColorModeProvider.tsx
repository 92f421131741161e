import CssBaseline from '@mui/material/CssBaseline'
import { ThemeProvider } from '@mui/material/styles'
import useMediaQuery from '@mui/material/useMediaQuery'
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'
import { buildTheme } from './theme'

type Preference = 'system' | 'light' | 'dark'
const STORAGE_KEY = 'lookbook.colorMode'

interface ColorModeValue {
  mode: 'light' | 'dark'
  preference: Preference
  toggle: () => void
}

const ColorModeContext = createContext<ColorModeValue | null>(null)

function readPreference(): Preference {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    return stored === 'light' || stored === 'dark' ? stored : 'system'
  } catch {
    return 'system'
  }
}

/** Follows the OS until the user picks a mode with the toggle; the choice (not a secret) is remembered. */
export function ColorModeProvider({ children }: { children: ReactNode }) {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true })
  const [preference, setPreference] = useState<Preference>(readPreference)
  const mode = preference === 'system' ? (prefersDark ? 'dark' : 'light') : preference
  const theme = useMemo(() => buildTheme(mode), [mode])
  const value = useMemo<ColorModeValue>(
    () => ({
      mode,
      preference,
      toggle: () => {
        const next = mode === 'dark' ? 'light' : 'dark'
        setPreference(next)
        try {
          localStorage.setItem(STORAGE_KEY, next)
        } catch {
          /* private mode: the choice lasts for this page only */
        }
      },
    }),
    [mode, preference],
  )
  return (
    <ColorModeContext.Provider value={value}>
      <ThemeProvider theme={theme}>
        <CssBaseline enableColorScheme />
        {children}
      </ThemeProvider>
    </ColorModeContext.Provider>
  )
}

export function useColorMode(): ColorModeValue {
  const value = useContext(ColorModeContext)
  if (!value) throw new Error('useColorMode() outside <ColorModeProvider>')
  return value
}
