import { packageConfig } from '../../scripts/rollup-config.mjs';

export default packageConfig(import.meta.url, { entries: { 'settings-json': 'src/settings-json.ts' } });
