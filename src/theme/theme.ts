import { createTheme, type PaletteMode } from '@mui/material/styles'

// Primitives first, component overrides after: one place to change the look of the whole app.
const brand = { primary: '#4f46e5', secondary: '#0f766e' }

export function buildTheme(mode: PaletteMode) {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'dark' ? '#a5b4fc' : brand.primary },
      secondary: { main: mode === 'dark' ? '#5eead4' : brand.secondary },
      // Darker than MUI's default amber so warning text and outlines stay readable (WCAG AA) on white.
      warning: { main: mode === 'dark' ? '#fbbf24' : '#b45309' },
      background:
        mode === 'dark' ? { default: '#0f1115', paper: '#171a21' } : { default: '#f6f7fb', paper: '#ffffff' },
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      h1: { fontSize: '1.75rem', fontWeight: 600 },
      h2: { fontSize: '1.25rem', fontWeight: 600 },
    },
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          // Keyboard users can jump past the top bar; the link shows only when focused.
          '.skip-link': { position: 'absolute', left: -9999, top: 8, zIndex: 2000, padding: 8 },
          '.skip-link:focus': { left: 8, background: mode === 'dark' ? '#171a21' : '#fff', color: 'inherit' },
        },
      },
      MuiButton: {
        defaultProps: { disableElevation: true },
        styleOverrides: { root: { textTransform: 'none' } },
      },
      MuiTab: { styleOverrides: { root: { textTransform: 'none' } } },
      MuiAppBar: { defaultProps: { elevation: 0 } },
      MuiLink: { defaultProps: { underline: 'hover' } },
    },
  })
}
