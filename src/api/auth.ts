import type { IAccessToken, IApiVersion } from '@looker/sdk/lib/4.0/models'
import { queryOptions } from '@tanstack/react-query'
import { http } from '../lib/http'

/** login: POST /login with API3 credentials as a form body (Looker refuses JSON here). */
export function login(clientId: string, clientSecret: string, signal?: AbortSignal): Promise<IAccessToken> {
  const body = new URLSearchParams({ client_id: clientId, client_secret: clientSecret })
  return http.post<IAccessToken>('/login', { body, signal })
}

/** versions: GET /versions, the release and the instance's web and API URLs. */
export function versions(signal?: AbortSignal): Promise<IApiVersion> {
  return http.get<IApiVersion>('/versions', { signal })
}

export const versionKeys = { all: ['versions'] as const }

export const versionQueries = {
  current: () =>
    queryOptions({
      queryKey: versionKeys.all,
      queryFn: ({ signal }) => versions(signal),
      staleTime: Infinity,
    }),
}
