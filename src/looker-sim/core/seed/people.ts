import type { RoleName } from '../types'

/** Fixed demo accounts. Generated users follow from NAME_POOL. */
export const DEMO_USERS: { first: string; last: string; role: RoleName }[] = [
  { first: 'Ada', last: 'Admin', role: 'admin' },
  { first: 'Andy', last: 'Analyst', role: 'analyst' },
  { first: 'Vera', last: 'Viewer', role: 'viewer' },
]

export const GENERATED_USER_COUNT = 12

export const FIRST_NAMES = [
  'Priya',
  'Mateo',
  'Hannah',
  'Kwame',
  'Sofia',
  'Liam',
  'Mei',
  'Jonas',
  'Amara',
  'Diego',
  'Noor',
  'Oskar',
  'Yuki',
  'Fatima',
  'Lucas',
  'Ingrid',
  'Ravi',
  'Chloé',
  'Tomasz',
  'Siobhán',
]

export const LAST_NAMES = [
  'Patel',
  'García',
  'Schmidt',
  'Mensah',
  'Rossi',
  "O'Connor",
  'Chen',
  'Lindqvist',
  'Okafor',
  'Fernández',
  'Haddad',
  'Nowak',
  'Tanaka',
  'Khan',
  'Moreau',
  'Johansson',
  'Iyer',
  'Dubois',
  'Kowalski',
  'Murphy',
]

export const ROLE_IDS: Record<RoleName, string[]> = {
  admin: ['2'],
  analyst: ['3', '4'],
  viewer: ['4'],
}

export const GROUP_IDS: Record<RoleName, string[]> = {
  admin: ['1', '2'],
  analyst: ['1', '3'],
  viewer: ['1'],
}
