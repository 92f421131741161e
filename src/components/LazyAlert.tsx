import type { AlertProps } from '@mui/material/Alert'
import { lazy, Suspense } from 'react'

const MuiAlert = lazy(() => import('@mui/material/Alert'))

/**
 * MUI's Alert, fetched when the first alert of a visit shows: pages whose first view has none (the look
 * search, the shell) keep its code out of the first load (decision 0012). The alert appears once its
 * code is in (one small file, then cached), and is announced then.
 */
export function Alert(props: AlertProps) {
  return (
    <Suspense fallback={null}>
      <MuiAlert {...props} />
    </Suspense>
  )
}
