import { packageConfig } from '../../../scripts/rollup-config.mjs';

export default packageConfig(import.meta.url, { cdn: true });
