// Release flow: lerna (independent versions) bumps each changed package from its conventional commits,
// writes per-package CHANGELOG.md, updates the governance baseline (root `version` lifecycle), commits
// and tags; `lerna publish from-git` then publishes what was tagged.
//   node scripts/release.mjs --dry-run   shows what a release would do, in a throwaway clone; changes nothing here
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './cdn.mjs';
import { workspacePackages } from './check-packages.mjs';

const run = (cwd, command, args) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });

/** Versions and changelog entries a release of HEAD would produce, computed in a temporary clone. */
export function releasePlan() {
  const clone = mkdtempSync(join(tmpdir(), 'devicemode-release-'));
  try {
    run(ROOT, 'git', ['clone', '--quiet', '--local', ROOT, clone]);
    run(ROOT, 'git', ['-C', clone, 'fetch', '--quiet', '--tags', ROOT]);
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    const before = new Map(
      workspacePackages().map((dir) => [dir, JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version]),
    );
    run(clone, join(ROOT, 'node_modules/.bin/lerna'), [
      'version',
      '--conventional-commits',
      '--yes',
      '--no-push',
      '--no-git-tag-version',
    ]);
    const plan = [];
    for (const [dir, from] of before) {
      const inClone = join(clone, dir.slice(ROOT.length));
      if (!existsSync(join(inClone, 'package.json'))) continue; // not committed yet
      const pkg = JSON.parse(readFileSync(join(inClone, 'package.json'), 'utf8'));
      if (pkg.version === from) continue;
      const changelog = existsSync(join(inClone, 'CHANGELOG.md'))
        ? readFileSync(join(inClone, 'CHANGELOG.md'), 'utf8')
        : '';
      const entry = changelog.split(/\n(?=## )/).find((part) => part.startsWith('## ')) ?? '';
      plan.push({ name: pkg.name, from, to: pkg.version, changelog: entry.trim() });
    }
    return plan;
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--dry-run')) {
    console.error(
      'Releasing is two commands (see docs/publishing.md): npx lerna version --conventional-commits, then npx lerna publish from-git.\nUse --dry-run to preview.',
    );
    process.exit(1);
  }
  const plan = releasePlan();
  if (!plan.length) console.log('nothing to release: no package changed since its last release tag');
  for (const { name, from, to, changelog } of plan)
    console.log(`${name}: ${from} → ${to}\n${changelog.replace(/^/gm, '    ')}\n`);
  console.log('dry run: nothing was changed, committed, tagged or published');
}
