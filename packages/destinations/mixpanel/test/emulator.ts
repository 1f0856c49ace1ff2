import { defineEmulator } from '@devicemode/testing';

/**
 * What Mixpanel's snippet-loaded SDK does: read the stub's `_i` (queued `init` calls) and its queued
 * method calls, replace `window.mixpanel` with the loaded instance (`__loaded`), keep its super
 * properties (`register`, `identify`, `reset` change `get_property`) and record every call.
 */
export const emulator = defineEmulator({
  vendor: 'Mixpanel',
  scripts: ['https://cdn.mxpnl.com/libs/'],
  globals: ['mixpanel'],
  install(win, record) {
    const stub = win.mixpanel || [];
    // A fresh SDK registers its own device id; reset() makes a new one.
    let devices = 0;
    const props: Record<string, unknown> = {};
    const newDevice = (): void => {
      devices += 1;
      for (const key of Object.keys(props)) delete props[key];
      props.$device_id = 'mp-device-' + devices;
      props.distinct_id = '$device:mp-device-' + devices;
    };
    newDevice();
    const mixpanel: Record<string, unknown> = {
      __loaded: true,
      init: (token: string, config: unknown) => record('mixpanel.init', token, config),
      track: (name: string, properties: unknown) => record('mixpanel.track', name, properties),
      track_pageview: (properties: unknown) => record('mixpanel.track_pageview', properties),
      identify: (userId: string) => {
        record('mixpanel.identify', userId);
        props.$user_id = userId;
        props.distinct_id = userId;
      },
      alias: (alias: string, original?: string) => record('mixpanel.alias', alias, original),
      register: (properties: Record<string, unknown>) => {
        record('mixpanel.register', properties);
        Object.assign(props, properties);
      },
      reset: () => {
        record('mixpanel.reset');
        newDevice();
      },
      get_property: (name: string) => (Object.prototype.hasOwnProperty.call(props, name) ? props[name] : undefined),
      set_group: (key: string, id: unknown) => record('mixpanel.set_group', key, id),
      get_group: (key: string, id: unknown) => ({
        set: (properties: unknown) => record('mixpanel.get_group.set', key, id, properties),
      }),
      people: { set: (properties: unknown) => record('mixpanel.people.set', properties) },
      opt_out_tracking: (options: unknown) => record('mixpanel.opt_out_tracking', options),
      // Opting in tracks `$opt_in` (or track_event_name) with options.track, the instance's track by default.
      opt_in_tracking: (options: Record<string, unknown> = {}) => {
        record('mixpanel.opt_in_tracking', JSON.parse(JSON.stringify(options)));
        const track = options.track === undefined ? mixpanel.track : options.track;
        if (typeof track === 'function') track(options.track_event_name || '$opt_in', options.track_properties);
      },
    };
    win.mixpanel = mixpanel;
    // Each queued init makes an instance, then the SDK calls its config's `loaded` with it. The config
    // is recorded as it reaches Mixpanel: functions (the `loaded` callback) never leave the page.
    for (const [token, config] of stub._i || []) {
      record('mixpanel.init', token, JSON.parse(JSON.stringify(config || {})));
      if (config && typeof config.loaded === 'function') config.loaded(mixpanel);
    }
    // Calls the page queued on the stub: `[method, ...args]`.
    for (const [method, ...args] of Array.from(stub as unknown[][])) {
      const fn = mixpanel[method as string];
      if (typeof fn === 'function') fn(...args);
    }
  },
});
