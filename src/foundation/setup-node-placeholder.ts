/**
 * actions/setup-node's stand-in for a token when none is configured
 * (`NODE_AUTH_TOKEN=XXXXX-XXXXX-XXXXX-XXXXX`): as good as no token when read,
 * and what package scripts see in token variables, so an `.npmrc` that names
 * them still loads.
 */
export const SETUP_NODE_PLACEHOLDER = 'XXXXX-XXXXX-XXXXX-XXXXX';
