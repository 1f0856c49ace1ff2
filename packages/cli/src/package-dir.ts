import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The @devicemode/cli package directory: found from this module (CommonJS, tsx, jest) or, in the ESM
 * build where `__dirname` does not exist, from the `devicemode` bin being run.
 */
export function packageDir(): string {
  const starts = [
    typeof __dirname === 'string' ? __dirname : undefined,
    process.argv[1] ? dirname(realpathSync(process.argv[1])) : undefined,
  ];
  for (const start of starts) {
    if (!start) continue;
    for (const up of ['..', '../..', '../../..', '../../../..']) {
      const dir = join(start, up);
      if (existsSync(join(dir, 'templates/destination/package.json.tmpl'))) return dir;
    }
  }
  throw new Error('@devicemode/cli: its package directory (with templates/) was not found: reinstall @devicemode/cli');
}
