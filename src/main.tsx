import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { chooseBackend } from './app/backends'
import { showStartupError } from './app/startupError'

// The composition root: pick a backend (app/backends), then render the app with it.
const root = document.getElementById('root')!
chooseBackend()
  .then(({ backend, queryClient }) =>
    createRoot(root).render(
      <StrictMode>
        <App backend={backend} queryClient={queryClient} />
      </StrictMode>,
    ),
  )
  .catch((error: unknown) => showStartupError(root, error))
