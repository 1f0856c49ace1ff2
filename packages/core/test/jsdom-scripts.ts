// jsdom neither fetches nor runs <script src>: this answers injected scripts the way a browser would.
export type ScriptOutcome = 'load' | 'error' | 'hang';

/** Watches for scripts whose src starts with a served URL; runs `install` then fires load/error. */
export function serveScripts(routes: Record<string, { outcome?: ScriptOutcome; install?: () => void }>): () => void {
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of Array.from(mutation.addedNodes)) {
        if (!(node instanceof HTMLScriptElement)) continue;
        const route = Object.entries(routes).find(([url]) => node.src.startsWith(url))?.[1];
        const outcome = route?.outcome ?? (route ? 'load' : 'error');
        if (outcome === 'hang') continue;
        setTimeout(() => {
          if (outcome === 'load') route?.install?.();
          node.dispatchEvent(new Event(outcome));
        }, 1);
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/** Removes every script and vendor global a test added. */
export function resetPage(globals: string[] = []): void {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  for (const key of globals) delete (window as unknown as Record<string, unknown>)[key];
}
