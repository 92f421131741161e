import { SettingsPage } from './SettingsPage'

export { SettingsPage as Component }
