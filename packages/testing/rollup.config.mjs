import { packageConfig } from '../../scripts/rollup-config.mjs';

// `@devicemode/testing/browser` is Node code (it drives Chromium), built as a second entry.
export default packageConfig(import.meta.url, { entries: { browser: 'src/browser/index.ts' } });
