// The CDN folder is deterministic: the same sources give byte-identical bundles, copies and manifest.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Every file under `dir` with its sha256. */
function digest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

function buildCdn(): string {
  const out = mkdtempSync(join(tmpdir(), 'devicemode-cdn-'));
  dirs.push(out);
  execFileSync('node', [join(ROOT, 'scripts/cdn.mjs'), '--out', out], { cwd: ROOT, encoding: 'utf8' });
  return out;
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'packages/destinations/heap/dist/cdn/heap.js'))) {
    throw new Error('the CDN tests read built bundles: run `npm run build` first');
  }
});

describe('cdn/', () => {
  it('holds every destination at <slug>/<version>/<slug>.js with a content-hashed copy and a manifest with SRI', () => {
    const out = buildCdn();
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const slugs = readdirSync(join(ROOT, 'packages/destinations')).sort();
    expect(manifest.destinations.map((d: { slug: string }) => d.slug)).toEqual(slugs);
    for (const d of manifest.destinations) {
      const code = readFileSync(join(out, d.file));
      expect(d.file).toBe(`${d.slug}/${d.version}/${d.slug}.js`);
      expect(readFileSync(join(out, d.hashedFile))).toEqual(code);
      expect(d.integrity).toBe(`sha384-${createHash('sha384').update(code).digest('base64')}`);
      expect(d.bytes).toBe(code.length);
      expect(d.libraryName).toMatch(/^[a-z][A-Za-z0-9]*Destination$/);
      expect(code.toString()).toContain(`window.${d.libraryName}=`);
    }
  });

  it('is byte-identical when built twice', () => {
    expect(digest(buildCdn())).toEqual(digest(buildCdn()));
  });

  it('comes from byte-identical Rollup bundles when a destination is rebuilt', () => {
    const dir = join(ROOT, 'packages/destinations/heap');
    const bundle = (): string => {
      execFileSync(join(ROOT, 'node_modules/.bin/rollup'), ['-c'], {
        cwd: dir,
        stdio: 'pipe',
        env: { ...process.env, DEVICEMODE_BUILD: 'cdn' },
      });
      return readFileSync(join(dir, 'dist/cdn/heap.js'), 'utf8');
    };
    expect(bundle()).toBe(bundle());
  }, 60_000);
});
