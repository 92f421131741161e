import { useMutation, useQueryClient } from '@tanstack/react-query'
import { lookWrites, runLookWrite, type LookWrite, type RunOptions } from './lookWrites'

export { isLookEditConflict, LookEditConflict, type LookEdit } from './lookWrites'

/**
 * Mutation hooks for one look (docs/decisions/0006-look-editing.md), each one of the look operations in
 * lookWrites.ts, which the trash's bulk runs use too. Soft delete and restore are optimistic (the user
 * expects the look to leave the list at once) and roll back on error; edit, copy and move wait for the
 * server. Toasts and navigation belong to the component that calls `mutate`.
 */
function useLookWrite<V, R>(write: LookWrite<V, R>, options: Pick<RunOptions, 'optimistic'> = {}) {
  const client = useQueryClient()
  // Never repeated by React Query: whether a write may be sent again is decided in lookWrites' sendWrite.
  return useMutation({ mutationFn: (vars: V) => runLookWrite(client, write, vars, options), retry: false })
}

/** Soft delete: the look leaves every cached live list at once. */
export const useSoftDeleteLook = () => useLookWrite(lookWrites.softDelete, { optimistic: true })

/** Restore (undelete): the look leaves every cached trash list at once. */
export const useRestoreLook = () => useLookWrite(lookWrites.restore, { optimistic: true })

/** Edit title, description, run on load, public. Not optimistic: the form waits for the server's word. */
export const useUpdateLook = () => useLookWrite(lookWrites.update)

/** copy_look: one POST per call, never retried (mutations do not retry; see lib/queryClient.ts). */
export const useCopyLook = () => useLookWrite(lookWrites.copy)

/** move_look: the detail cache takes the new folder from the answer; lists are read again. */
export const useMoveLook = () => useLookWrite(lookWrites.move)

/**
 * create_look (after create_query when given a definition): a saved variant. Sent once per call; a repeat
 * after a lost answer meets a 409 (the title is taken), not a second look.
 */
export const useCreateLook = () => useLookWrite(lookWrites.create)

/** update_look with another query_id: Apply an adjusted variant to the look, and Undo it. */
export const useSetLookQuery = () => useLookWrite(lookWrites.setQuery)
