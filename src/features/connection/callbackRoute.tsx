import { OAuthCallbackPage } from './OAuthCallbackPage'

export { OAuthCallbackPage as Component }
