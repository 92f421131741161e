import { LookSearchPage } from './LookSearchPage'

export { LookSearchPage as Component }
