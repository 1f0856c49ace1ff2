import type { LoadScriptOptions } from './types';

const STATUS = 'data-devicemode-status';

/**
 * Injects `<script async src>` once per URL and resolves when it has loaded.
 * A script already on the page is reused: one the page added itself counts as loaded (the
 * destination's readiness check decides), one still loading is awaited. Only `https:` URLs load
 * unless `allowInsecure` is set; the promise rejects with the URL on refusal, error and timeout.
 * The nonce defaults to the nonce of the first script on the page that has one (strict CSPs).
 */
export function loadScript(
  src: string,
  { timeoutMs = 10_000, nonce, integrity, crossOrigin, attributes = {}, allowInsecure }: LoadScriptOptions = {},
): Promise<HTMLScriptElement> {
  return new Promise((resolve, reject) => {
    let url: URL | undefined;
    try {
      url = new URL(src, document.baseURI);
    } catch {
      // Reported just below, with the refusal.
    }
    if (!url || (url.protocol !== 'https:' && !(allowInsecure && url.protocol === 'http:'))) {
      return reject(new Error(`refused to load ${src}: only https: URLs may load a vendor script`));
    }
    const href = url.href;
    const failed = (): void =>
      reject(new Error(`failed to load ${href}: blocked (ad blocker, CSP) or not found; check the URL`));
    let script = Array.from(document.scripts).find((s) => s.src === href);
    const status = script?.getAttribute(STATUS);
    if (script && status !== 'loading') return status === 'error' ? failed() : resolve(script);
    // Armed before any DOM work: appending can take milliseconds, and the caller's deadline runs from now.
    const timer = setTimeout(() => reject(new Error(`timed out loading ${href}`)), timeoutMs);
    if (!script) {
      script = document.createElement('script');
      script.async = true;
      nonce ??= Array.from(document.scripts).find((s) => s.nonce)?.nonce;
      if (nonce) script.nonce = nonce;
      if (integrity) script.integrity = integrity;
      if (integrity || crossOrigin) script.crossOrigin = crossOrigin ?? 'anonymous';
      for (const name in attributes) {
        if (!/^(src|nonce|on)/i.test(name)) script.setAttribute(name, attributes[name] as string);
      }
      script.setAttribute(STATUS, 'loading');
      script.src = href;
      document.head.appendChild(script);
    }
    const found = script;
    const on = (type: string, settle: () => void): void =>
      found.addEventListener(type, () => {
        clearTimeout(timer);
        found.setAttribute(STATUS, type === 'load' ? 'loaded' : 'error');
        settle();
      });
    on('load', () => resolve(found));
    on('error', failed);
  });
}
