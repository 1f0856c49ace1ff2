import { defineEmulator } from '@devicemode/testing';

/**
 * What heap.js 5 does once its loader has run: read the environment id and client config the snippet's
 * `heap.load()` left on `window.heap`, install the real methods, set `loaded`, then run every callback
 * the stub queued in `window.heapReadyCb`.
 */
export const emulator = defineEmulator({
  vendor: 'Heap',
  scripts: ['https://cdn.us.heap-api.com/config/', 'https://cdn.eu.heap-api.com/config/'],
  globals: ['heap', 'heapReadyCb'],
  install(win, record) {
    const heap = win.heap || [];
    record('heap.load', heap.envId, heap.clientConfig);
    const methods = ['track', 'identify', 'addUserProperties', 'addEventProperties', 'resetIdentity', 'trackPageview'];
    for (const name of methods) {
      heap[name] = function (...args: unknown[]) {
        record('heap.' + name, ...args);
      };
    }
    heap.loaded = true;
    win.heap = heap;
    const queued: { fn: () => void }[] = win.heapReadyCb || [];
    for (const entry of queued.splice(0)) entry.fn();
  },
});
