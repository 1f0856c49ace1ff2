import { loadScript, resolveWhen } from '../src';
import { resetPage, serveScripts } from './jsdom-scripts';

const URL_A = 'https://cdn.vendor.test/sdk.js';
let stop: () => void = () => undefined;
beforeEach(() => resetPage());
afterEach(() => stop());

describe('loadScript', () => {
  it('injects one async script and resolves once it has loaded', async () => {
    const loaded = jest.fn();
    stop = serveScripts({ [URL_A]: { install: loaded } });
    const script = await loadScript(URL_A);
    expect(script.async).toBe(true);
    expect(loaded).toHaveBeenCalledTimes(1);
    expect(document.scripts).toHaveLength(1);
  });

  it('dedupes by src: concurrent and later calls share one tag', async () => {
    stop = serveScripts({ [URL_A]: {} });
    const [a, b] = await Promise.all([loadScript(URL_A), loadScript(URL_A)]);
    const c = await loadScript(URL_A);
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(document.scripts).toHaveLength(1);
  });

  it('reuses a script the page added itself', async () => {
    const own = document.createElement('script');
    own.src = URL_A;
    document.head.appendChild(own);
    await expect(loadScript(URL_A)).resolves.toBe(own);
    expect(document.scripts).toHaveLength(1);
  });

  it('sets nonce, integrity with crossorigin, and extra attributes but never src or handlers', async () => {
    stop = serveScripts({ [URL_A]: {} });
    const script = await loadScript(URL_A, {
      nonce: 'n0nce',
      integrity: 'sha384-abc',
      attributes: { 'data-vendor': 'x', onload: 'alert(1)', src: 'https://evil.test/x.js' },
    });
    expect(script.nonce).toBe('n0nce');
    expect(script.integrity).toBe('sha384-abc');
    expect(script.crossOrigin).toBe('anonymous');
    expect(script.getAttribute('data-vendor')).toBe('x');
    expect(script.getAttribute('onload')).toBeNull();
    expect(script.src).toBe(URL_A);
  });

  it('takes the page nonce by default so scripts pass a strict CSP', async () => {
    const page = document.createElement('script');
    page.nonce = 'page-nonce';
    document.head.appendChild(page);
    stop = serveScripts({ [URL_A]: {} });
    expect((await loadScript(URL_A)).nonce).toBe('page-nonce');
  });

  it.each([
    'http://cdn.vendor.test/sdk.js',
    'javascript:alert(1)',
    'data:text/javascript,alert(1)',
    '//cdn.vendor.test/x.js',
  ])('refuses %s (only https:)', async (src) => {
    // jsdom's page is http://localhost, so a protocol-relative URL resolves to http:
    await expect(loadScript(src)).rejects.toThrow('only https: URLs may load a vendor script');
    expect(document.scripts).toHaveLength(0);
  });

  it('allows http: only when asked to (tests)', async () => {
    stop = serveScripts({ 'http://127.0.0.1/': {} });
    await expect(loadScript('http://127.0.0.1/sdk.js', { allowInsecure: true })).resolves.toBeDefined();
  });

  it('rejects with the URL on error, and again for later callers', async () => {
    stop = serveScripts({});
    await expect(loadScript(URL_A)).rejects.toThrow(`failed to load ${URL_A}`);
    await expect(loadScript(URL_A)).rejects.toThrow(`failed to load ${URL_A}`);
    expect(document.scripts).toHaveLength(1);
  });

  it('rejects with the URL on timeout', async () => {
    stop = serveScripts({ [URL_A]: { outcome: 'hang' } });
    await expect(loadScript(URL_A, { timeoutMs: 30 })).rejects.toThrow(`timed out loading ${URL_A}`);
  });
});

describe('resolveWhen', () => {
  it('resolves with the first truthy value', async () => {
    let n = 0;
    await expect(resolveWhen(() => ++n >= 3 && n, { intervalMs: 1 })).resolves.toBe(3);
  });

  it('never polls forever', async () => {
    const condition = jest.fn(() => false);
    await expect(resolveWhen(condition, { timeoutMs: 40, intervalMs: 5, what: 'window.x' })).rejects.toThrow(
      'timed out waiting for window.x',
    );
    const calls = condition.mock.calls.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(condition.mock.calls.length).toBe(calls);
  });

  it('rejects at once when the condition throws', async () => {
    await expect(
      resolveWhen(() => {
        throw new Error('bad global');
      }),
    ).rejects.toThrow('checking for the vendor to be ready threw: bad global');
  });
});
