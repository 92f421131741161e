import { TrashPage } from './TrashPage'

export { TrashPage as Component }
