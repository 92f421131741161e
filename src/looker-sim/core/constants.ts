/** Seeded timestamps are spread over the two years before this date, independent of the real clock. */
export const REFERENCE_DATE_MS = Date.UTC(2026, 10, 1)
export const DAY_MS = 86_400_000

export const DEFAULT_SEED = 42
export const DEFAULT_LOOK_COUNT = 300
export const DEFAULT_TOKEN_TTL_SECONDS = 3600

export const LOOKER_RELEASE_VERSION = '26.12.3'
export const API_FULL_VERSION = '4.0.26.12'
export const API_PREFIX = '/api/4.0'
/**
 * Looker puts public, embed and share links on its web host. The simulator has no web pages, so those
 * links name a host that can never resolve (.invalid, RFC 2606) rather than the app, whose routes would
 * misread them ("Look not found" for a public slug).
 */
export const SIM_WEB_ORIGIN = 'https://looker.simulated.invalid'

export const SHARED_ROOT_ID = '1'
export const USERS_ROOT_ID = '2'

export const MAX_TITLE_LENGTH = 255

export const iso = (ms: number): string => new Date(ms).toISOString()
