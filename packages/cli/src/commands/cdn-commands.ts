// `cdn-settings` and `bundle`: thin wrappers over the repository's CDN scripts (scripts/cdn.mjs,
// scripts/custom-bundle.mjs), which the build uses too — one implementation of each.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { findRepoRoot } from '../repo';

/** Runs a repository script with the user's terminal; a failure's own message was already printed. */
function runScript(script: string, args: string[], what: string, hint: string): void {
  const root = findRepoRoot();
  const result = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], {
    cwd: process.cwd(),
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new CliError(`${what} failed`, hint);
}

export function cdnCommands(cli: Command): void {
  cli
    .command('cdn-settings')
    .description("Print the remotePlugins array for analytics-next's cdnSettings, for cdn/ served from a base URL")
    .requiredOption(
      '--base-url <url>',
      'the https URL where the cdn/ folder is served, e.g. https://cdn.example.com/devicemode/',
    )
    .option('--only <slugs>', 'comma-separated destination slugs (default: all)')
    .option('--hashed', 'use the content-hashed file names (for immutable caching)')
    .addHelpText('after', '\nReads cdn/manifest.json, written by `npm run build`. See docs/cdn.md.')
    .action((options: { baseUrl: string; only?: string; hashed?: boolean }) => {
      const args = ['--remote-plugins', '--base-url', options.baseUrl];
      if (options.only) args.push('--only', options.only);
      if (options.hashed) args.push('--hashed');
      runScript(
        'cdn.mjs',
        args,
        'cdn-settings',
        'check the base URL and slugs; run `npm run build` if cdn/ is missing',
      );
    });

  cli
    .command('bundle')
    .description('Build one file holding only the chosen destinations (core once, each at its own libraryName)')
    .requiredOption('--only <slugs>', 'comma-separated destination slugs, e.g. mixpanel,google-analytics-4')
    .option('-o, --out <file>', 'where to write the bundle', 'devicemode-bundle.js')
    .addHelpText('after', '\nList the file in one remotePlugins entry per destination; see docs/cdn.md.')
    .action((options: { only: string; out: string }) => {
      runScript(
        'custom-bundle.mjs',
        ['--only', options.only, '-o', options.out],
        'bundle',
        'check the slugs (`ls packages/destinations`) and run `npm run build` once',
      );
    });
}
