import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The absolute path of a file inside an installed package, found by walking up `node_modules` from
 * `from` (default: the cwd). Unlike `require.resolve`, it ignores the package's `exports`, so it reaches
 * browser builds packages do not export (`@amplitude/analytics-browser/lib/scripts/amplitude-min.js`).
 */
export function packageFile(packageName: string, file: string, from: string = process.cwd()): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', packageName, file);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(
    `[devicemode:browser] ${packageName}/${file} not found in any node_modules above ${from}: install ${packageName}`,
  );
}
