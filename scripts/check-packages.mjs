// Package checks for every workspace package with a build: publint (package.json, exports, files) and
// are-the-types-wrong (ESM, CJS and types resolve for Node 16+, bundlers and TypeScript).
//   node scripts/check-packages.mjs [dir…]
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { ROOT } from './cdn.mjs';

const run = promisify(execFile);

export function workspacePackages() {
  const dirs = ['packages/core', 'packages/testing', 'packages/cli'];
  const destinations = join(ROOT, 'packages/destinations');
  if (existsSync(destinations)) dirs.push(...readdirSync(destinations).map((d) => `packages/destinations/${d}`));
  return dirs.map((d) => join(ROOT, d)).filter((d) => existsSync(join(d, 'package.json')));
}

async function checkPackage(dir) {
  const name = relative(ROOT, dir);
  if (!existsSync(join(dir, 'dist'))) return [`${name}: no dist/ — run \`npm run build\` first`];
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const problems = [];
  const { messages } = await publint({ pkgDir: dir, strict: true });
  for (const message of messages) problems.push(`${name}: publint ${message.type}: ${formatMessage(message, pkg)}`);
  // node10 cannot resolve subpath exports at all; every supported consumer is node16+ or a bundler.
  try {
    await run(join(ROOT, 'node_modules/.bin/attw'), ['--pack', dir, '--profile', 'node16', '--format', 'ascii'], {
      cwd: ROOT,
    });
  } catch (error) {
    problems.push(`${name}: are-the-types-wrong:\n${error.stdout || error.message}`);
  }
  return problems;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const dirs = process.argv.length > 2 ? process.argv.slice(2).map((d) => join(ROOT, d)) : workspacePackages();
  const problems = [];
  // Two at a time: attw packs each package with npm, which is mostly waiting.
  for (let i = 0; i < dirs.length; i += 2) {
    for (const found of await Promise.all(dirs.slice(i, i + 2).map(checkPackage))) problems.push(...found);
  }
  for (const dir of dirs)
    if (!problems.some((p) => p.startsWith(relative(ROOT, dir)))) console.log(`ok  ${relative(ROOT, dir)}`);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
}
