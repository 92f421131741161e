/** What a failed sign-in says, for the signed-out panel; null when the thrown value has no message. */
export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : null)
