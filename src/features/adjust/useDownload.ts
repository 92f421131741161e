import { useMutation } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { runLook } from '../../api/looks'
import { runQuery } from '../../api/queries'
import { exportQuery, isExportFormat } from '../../api/queryExport'
import { isAbortError } from '../../lib/polling'
import {
  DownloadTooLarge,
  meansTooLarge,
  runOptionsOf,
  type DownloadFormat,
  type DownloadOptions,
} from './downloadOptions'

/** What is downloaded: the saved look (run_look), or an adjusted variant's query (run_query). */
export interface DownloadTarget {
  lookId: string
  /** The saved look's query, for the query-task export of a large result. */
  lookQueryId: string | null
  /** An adjusted variant's query; null for the saved look. */
  variantQueryId: string | null
  /** The row limit "as displayed" means (the query's own), for the export. */
  displayedLimit: number | null
}

/**
 * How long a synchronous download may take before it counts as too large for this way: under the
 * transport's own two-minute limit, so the page says "too large, export it instead" rather than "no answer".
 */
export const DOWNLOAD_DEADLINE_MS = 90_000

/**
 * The Download dialog's two ways: a synchronous run (run_look, or run_query for a variant) and, for a
 * result too large for that, the query-task export (asynchronous, polled). Each is a mutation: a press is
 * one request, never repeated by itself; closing the dialog stops what is running.
 */
export function useDownload(target: DownloadTarget, deadlineMs = DOWNLOAD_DEADLINE_MS) {
  const controller = useRef<AbortController | null>(null)
  useEffect(() => () => controller.current?.abort(), [])
  const fresh = () => {
    controller.current?.abort()
    controller.current = new AbortController()
    return controller.current
  }

  const run = useMutation({
    mutationFn: async ({ options, signal }: { options: DownloadOptions; signal: AbortSignal }) => {
      let timedOut = false
      const timer = setTimeout(() => {
        timedOut = true
        controller.current?.abort()
      }, deadlineMs)
      try {
        const params = runOptionsOf(options)
        return target.variantQueryId
          ? await runQuery(target.variantQueryId, options.format, params, signal)
          : await runLook(target.lookId, options.format, params, signal)
      } catch (error) {
        if (meansTooLarge(error) || (timedOut && isAbortError(error))) throw new DownloadTooLarge(error)
        throw error
      } finally {
        clearTimeout(timer)
      }
    },
    retry: false,
  })

  const background = useMutation({
    mutationFn: ({ options, signal }: { options: DownloadOptions; signal: AbortSignal }) => {
      const format = options.format
      const queryId = target.variantQueryId ?? target.lookQueryId
      if (!isExportFormat(format) || !queryId)
        throw new Error('This format cannot be exported in the background.')
      const limit =
        options.rows === 'all'
          ? -1
          : options.rows === 'custom'
            ? options.customLimit
            : (target.displayedLimit ?? -1)
      return exportQuery(
        { queryId, lookId: target.variantQueryId ? undefined : target.lookId, limit, format },
        signal,
      )
    },
    retry: false,
  })

  return {
    run,
    background,
    /** The synchronous download; `done` gets the file. */
    start: (options: DownloadOptions, done: (blob: Blob) => void) => {
      background.reset()
      run.mutate({ options, signal: fresh().signal }, { onSuccess: done })
    },
    /** The query-task export, for a result too large for `start`. */
    exportInBackground: (options: DownloadOptions, done: (blob: Blob) => void) => {
      background.mutate({ options, signal: fresh().signal }, { onSuccess: done })
    },
    stop: () => controller.current?.abort(),
    canExport: (format: DownloadFormat) => isExportFormat(format),
  }
}
