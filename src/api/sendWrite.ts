import { createWriteRule } from '../lib/writeRule'

export {
  creating,
  IDEMPOTENT,
  mayHaveLanded,
  MaybeDoneError,
  READ_FOR_WRITE,
  WriteCancelledError,
  type WriteEvent,
  type WriteIntent,
  type WriteScope,
} from '../lib/writeRule'

const rule = createWriteRule()

/**
 * Sends one write to Looker under THE write rule (lib/writeRule.ts, decision 0017): every POST, PATCH and
 * DELETE the app makes goes through here (the look operations in lookWrites.ts, render and query tasks),
 * and so does a read a write depends on. `intent` says what repeating it would do: `IDEMPOTENT` (PATCH,
 * DELETE), `creating(check)` (a POST that makes something), `READ_FOR_WRITE`.
 */
export const sendWrite = rule.send
