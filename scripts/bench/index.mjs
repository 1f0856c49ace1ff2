// `npm run bench`: sizes, per-event overhead, load and build, side by side with Segment's production
// bundles; writes docs/benchmarks.md and docs/benchmarks.json. `npm run check:sizes` runs the size budgets only.
//   node scripts/bench/index.mjs [--sizes-only] [--check] [--skip-build] [--runs N] [--only slug,slug]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register as registerCjs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

// The bench is TypeScript (it reuses the test kit's sources and the destinations' test plans): tsx runs it,
// resolving @devicemode/* to sources through tsconfig.base.json's paths.
const tsconfig = join(dirname(fileURLToPath(import.meta.url)), '../../tsconfig.base.json');
register({ tsconfig });
registerCjs({ tsconfig });
const module = await import('./main.ts');
const { main } = module.main ? module : module.default;
process.exitCode = await main(process.argv.slice(2));
