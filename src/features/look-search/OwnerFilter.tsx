import { userPickerSource } from '../../api/users'
import { UserPicker } from '../../components/UserPicker'

interface Props {
  owner: string | null
  onChange: (userId: string | null) => void
}

/**
 * Owner filter: the shared user picker over search_users (a term matches first, last or full name, with
 * the same wildcard rules as the look search). Its own module, so the page can load it after the results.
 */
export function OwnerFilter({ owner, onChange }: Props) {
  return (
    <UserPicker
      source={userPickerSource}
      label="Owner"
      placeholder="Anyone"
      value={owner}
      onChange={onChange}
    />
  )
}
