import { LookDetailPage } from './LookDetailPage'

export { LookDetailPage as Component }
