import { defineEmulator } from '@devicemode/testing';

/**
 * What fbevents.js does once loaded: it keeps the base code's `fbq` function, gives it `callMethod` (so later
 * calls run at once) and runs every call the stub queued, in order.
 */
export const emulator = defineEmulator({
  vendor: 'Meta Pixel',
  scripts: ['https://connect.facebook.net/en_US/fbevents.js'],
  globals: ['fbq', '_fbq'],
  install: function (win, record) {
    const fbq = win.fbq;
    // Without the base code the real script only logs "Pixel code is not installed correctly".
    if (!fbq) return;
    const queued: ArrayLike<unknown>[] = fbq.queue || [];
    fbq.callMethod = function (...args: unknown[]): void {
      record('fbq', ...args);
    };
    fbq.queue = [];
    queued.forEach(function (args) {
      fbq.callMethod(...Array.prototype.slice.call(args));
    });
  },
});
