// @devicemode/testing/browser: real analytics-next in real Chromium, with every request answered locally.
export { startBrowserHarness } from './harness';
export { CHROMIUM_ARGS, defaultChromiumPath } from './chromium';
export { bundleDestination, readDestinationBundle, remotePlugin } from './destination-bundle';
export type { BundleOptions, DefinitionOverrides } from './destination-bundle';
export { callOf } from './analytics-calls';
export { decodeBody, decodeForm, decodeValue } from './decode-body';
export { packageFile } from './package-file';
export { isLocal, SEGMENT_API } from './page-network';
export { TEST_WRITE_KEY } from './analytics-page';
export { unexpectedErrors } from './page-errors';
export type * from './types';
