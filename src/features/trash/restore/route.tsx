import { RestoreBackupPage } from './RestoreBackupPage'

export { RestoreBackupPage as Component }
