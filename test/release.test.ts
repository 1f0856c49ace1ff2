// The release dry run computes versions and changelogs in a throwaway clone and changes nothing here.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');
const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
const state = (): string[] => [
  git('rev-parse', 'HEAD'),
  git('status', '--porcelain'),
  git('tag', '--list'),
  git('stash', 'list'),
];

describe('node scripts/release.mjs --dry-run', () => {
  it('plans a version and changelog entry per changed package, and leaves the repository untouched', () => {
    const before = state();
    const output = execFileSync('node', [join(root, 'scripts/release.mjs'), '--dry-run'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(output).toMatch(/^@devicemode\/core: \d+\.\d+\.\d+ → \d+\.\d+\.\d+$/m);
    expect(output).toMatch(/## \d+\.\d+\.\d+ \(\d{4}-\d{2}-\d{2}\)/);
    expect(output).toContain('dry run: nothing was changed, committed, tagged or published');
    expect(state()).toEqual(before);
  }, 120_000);

  it('refuses to run without --dry-run and says what to do instead', () => {
    let message = '';
    try {
      execFileSync('node', [join(root, 'scripts/release.mjs')], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      message = (error as { stderr: string }).stderr;
    }
    expect(message).toContain('npx lerna version --conventional-commits, then npx lerna publish from-git');
  });
});
