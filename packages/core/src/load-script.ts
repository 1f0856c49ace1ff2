import type { LoadScriptOptions } from './types';

/**
 * The expando on a script element that holds its load promise. It lives on the DOM element, so every
 * bundle on the page (each carries its own copy of core) shares one tag and one outcome per URL.
 */
const LOADING = '__devicemodeLoad';

type TrackedScript = HTMLScriptElement & { [LOADING]?: Promise<unknown> };

/**
 * Injects `<script async src>` once per URL and resolves when it has loaded.
 * A script already on the page is reused: one the page added itself counts as loaded (the
 * destination's readiness check decides), one still loading is awaited, one that failed fails again.
 * Only `https:` URLs load unless `allowInsecure` is set; the promise rejects with the URL on refusal,
 * error and timeout. The nonce defaults to the nonce of the first script on the page that has one
 * (strict CSPs).
 */
export function loadScript(
  src: string,
  { timeoutMs = 10_000, nonce, integrity, crossOrigin, attributes = {}, allowInsecure }: LoadScriptOptions = {},
): Promise<HTMLScriptElement> {
  const script: TrackedScript = document.createElement('script');
  // The browser resolves the URL against the page, exactly as it would fetch it.
  script.src = src;
  const href = script.src;
  return new Promise((resolve, reject) => {
    if (!(allowInsecure ? /^https?:/ : /^https:/).test(href))
      throw new Error(`refused to load ${src}: only https: URLs may load a vendor script`);
    const found: TrackedScript = Array.from(document.scripts).find((s) => s.src === href) ?? script;
    if (found === script) {
      script.async = true;
      nonce ??= Array.from(document.scripts).find((s) => s.nonce)?.nonce;
      if (nonce) script.nonce = nonce;
      if (integrity) script.integrity = integrity;
      if (integrity || crossOrigin) script.crossOrigin = crossOrigin ?? 'anonymous';
      for (const name in attributes) {
        if (!/^(src|nonce|on)/i.test(name)) script.setAttribute(name, attributes[name]!);
      }
      script[LOADING] = new Promise((loaded, failed) => {
        script.onload = loaded;
        script.onerror = failed;
      });
      document.head.appendChild(script);
    }
    setTimeout(reject, timeoutMs, new Error(`timed out loading ${href}`));
    Promise.resolve(found[LOADING]).then(
      () => resolve(found),
      () => reject(new Error(`failed to load ${href}: blocked (ad blocker, CSP) or not found; check the URL`)),
    );
  });
}
