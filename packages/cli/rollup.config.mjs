import { packageConfig } from '../../scripts/rollup-config.mjs';

export default packageConfig(import.meta.url, { node: true, entries: { cli: 'src/cli.ts' } });
