/**
 * Stands in for `@aws-sdk/credential-provider-node` in the DynamoDB client layer (dynamodb-client-layer.js):
 * on Lambda a function's role credentials are in its environment, so the default chain's first provider is
 * the one that answers, and its others (SSO, ini files, STS, a process) are left out of the bundle.
 */
const { fromEnv } = require('@aws-sdk/credential-provider-env');

exports.defaultProvider = (init) => fromEnv(init);
