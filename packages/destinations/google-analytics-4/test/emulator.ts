import { defineEmulator } from '@devicemode/testing';

/**
 * What gtag.js does once loaded: it runs every command already queued in `window.dataLayer`, then takes
 * over `dataLayer.push` so later commands run at once. Only `arguments` objects are gtag commands (an array
 * pushed by a wrong stub is recorded as a plain `dataLayer.push`, so a table shows the mistake).
 */
export const emulator = defineEmulator({
  vendor: 'Google Analytics 4',
  scripts: ['https://www.googletagmanager.com/gtag/js'],
  globals: ['dataLayer', 'gtag', 'google_tag_manager', 'google_tag_data'],
  install: function (win, record) {
    const dataLayer: unknown[] = win.dataLayer || (win.dataLayer = []);
    const run = function (entry: unknown): void {
      if (Object.prototype.toString.call(entry) !== '[object Arguments]') return record('dataLayer.push', entry);
      const args = Array.prototype.slice.call(entry);
      // gtag('js', new Date()) carries the load time: record that it is a Date, not which one.
      if (args[0] === 'js') args[1] = Object.prototype.toString.call(args[1]);
      record('gtag', ...args);
    };
    dataLayer.forEach(run);
    dataLayer.push = function (...entries: unknown[]): number {
      entries.forEach(run);
      return Array.prototype.push.apply(dataLayer, entries);
    };
  },
});
