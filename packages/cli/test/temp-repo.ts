// A throwaway copy of the repository for tests that write: the committed files, the CLI as it is in the
// working tree (it is what is under test), and node_modules linked entry by entry, with the workspace
// packages (@devicemode/*) pointing into the copy.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const REPO_ROOT = join(__dirname, '../../..');

export interface TempRepo {
  root: string;
  remove: () => void;
}

/** Copies the repository into a temporary directory (see the file comment). */
export function copyRepo(): TempRepo {
  const root = mkdtempSync(join(tmpdir(), 'devicemode-repo-'));
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && !file.startsWith('packages/cli/'));
  for (const file of tracked) {
    if (!existsSync(join(REPO_ROOT, file))) continue;
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(REPO_ROOT, file), join(root, file));
  }
  for (const entry of ['package.json', 'tsconfig.json', 'rollup.config.mjs', 'bin', 'src', 'templates', 'test'])
    cpSync(join(REPO_ROOT, 'packages/cli', entry), join(root, 'packages/cli', entry), { recursive: true });
  linkNodeModules(root);
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

function linkNodeModules(root: string): void {
  const source = join(REPO_ROOT, 'node_modules');
  const target = join(root, 'node_modules');
  mkdirSync(join(target, '@devicemode'), { recursive: true });
  for (const entry of readdirSync(source)) {
    if (entry !== '@devicemode') symlinkSync(join(source, entry), join(target, entry));
  }
  const packages = ['packages/core', 'packages/testing', 'packages/cli'];
  const destinations = join(root, 'packages/destinations');
  if (existsSync(destinations))
    packages.push(...readdirSync(destinations).map((slug) => `packages/destinations/${slug}`));
  for (const dir of packages) {
    const name = dir.split('/').pop()!;
    symlinkSync(join(root, dir), join(target, '@devicemode', name));
  }
}
