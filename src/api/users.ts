import type { IRequestSearchUsers, IUser } from '@looker/sdk/lib/4.0/models'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { http, seg } from '../lib/http'
import { toLikePattern } from '../lib/likePattern'

export type UserSearch = Omit<IRequestSearchUsers, 'fields'>

/** me: GET /user, the signed-in user. */
export function me(signal?: AbortSignal, fields?: string): Promise<IUser> {
  return http.get<IUser>('/user', { query: { fields }, signal })
}

/** user: GET /users/{user_id}. */
export function getUser(userId: string, signal?: AbortSignal, fields?: string): Promise<IUser> {
  return http.get<IUser>(`/users/${seg(userId)}`, { query: { fields }, signal })
}

/** search_users: GET /users/search. */
export function searchUsers(params: UserSearch, signal?: AbortSignal, fields?: string): Promise<IUser[]> {
  return http.get<IUser[]>('/users/search', { query: { ...params, fields }, signal })
}

export const USER_SUMMARY_FIELDS = 'id,display_name,first_name,last_name,email,avatar_url,personal_folder_id'

export const userKeys = {
  all: ['users'] as const,
  me: () => [...userKeys.all, 'me'] as const,
  detail: (id: string) => [...userKeys.all, 'detail', id] as const,
  search: (params: UserSearch) => [...userKeys.all, 'search', params] as const,
}

export const userQueries = {
  me: () =>
    queryOptions({ queryKey: userKeys.me(), queryFn: ({ signal }) => me(signal), staleTime: 5 * 60_000 }),
  detail: (id: string) =>
    queryOptions({
      queryKey: userKeys.detail(id),
      queryFn: ({ signal }) => getUser(id, signal, USER_SUMMARY_FIELDS),
      staleTime: 5 * 60_000,
    }),
  search: (params: UserSearch) =>
    queryOptions({
      queryKey: userKeys.search(params),
      queryFn: ({ signal }) => searchUsers(params, signal, USER_SUMMARY_FIELDS),
      staleTime: 60_000,
    }),
}

/**
 * Users whose first, last or full name matches the words (search_users has no display_name parameter,
 * so the three are ORed), with the same wildcard rules as the look search. Nothing is sent for no words.
 */
export function useUserMatches(term: string) {
  const pattern = toLikePattern(term)
  return useQuery({
    ...userQueries.search({
      first_name: pattern,
      last_name: pattern,
      full_name: pattern,
      filter_or: true,
      sorts: 'first_name,last_name',
      limit: 20,
    }),
    enabled: pattern !== undefined,
  })
}

/** One user, for showing a name; nothing is sent for null. */
export function useUser(id: string | null) {
  return useQuery({ ...userQueries.detail(id ?? ''), enabled: id !== null })
}

/** The reads components/UserPicker needs. */
export const userPickerSource = { useMatches: useUserMatches, useUser }
