// `devicemode cdn-settings`: the remotePlugins array for cdn/ served from a base URL.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const devicemode = (...args: string[]) => {
  const result = spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/devicemode.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

beforeAll(() => {
  if (!existsSync(join(ROOT, 'cdn/manifest.json')))
    throw new Error('cdn/manifest.json is missing: run `npm run build` first');
});

describe('devicemode cdn-settings', () => {
  it('prints one entry per destination, with the name as creationName and URLs under the base URL', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'cdn/manifest.json'), 'utf8'));
    const result = devicemode('cdn-settings', '--base-url', 'https://cdn.example.com/devicemode');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(
      manifest.destinations.map((d: { name: string; file: string; libraryName: string }) => ({
        name: d.name,
        creationName: d.name,
        url: `https://cdn.example.com/devicemode/${d.file}`,
        libraryName: d.libraryName,
        settings: {},
      })),
    );
  });

  it('narrows to --only and can point at the content-hashed copies', () => {
    const result = devicemode(
      'cdn-settings',
      '--base-url',
      'https://cdn.example.com/dm/',
      '--only',
      'heap,mixpanel',
      '--hashed',
    );
    const entries = JSON.parse(result.stdout) as { libraryName: string; url: string }[];
    expect(entries.map((e) => e.libraryName)).toEqual(['heapDestination', 'mixpanelDestination']);
    for (const entry of entries)
      expect(entry.url).toMatch(/^https:\/\/cdn\.example\.com\/dm\/[a-z]+\/\d+\.\d+\.\d+\/[a-z]+\.[0-9a-f]{12}\.js$/);
  });

  it.each([
    [['--base-url', 'http://cdn.example.com/'], '--base-url must be https: (got http:)'],
    [['--base-url', 'not a url'], '--base-url "not a url" is not a URL'],
    [['--base-url', 'https://cdn.example.com/', '--only', 'mixpanel,nope'], 'not in cdn/manifest.json: nope'],
  ])('refuses %j with a message saying what is wrong', (args, message) => {
    const result = devicemode('cdn-settings', ...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });
});
