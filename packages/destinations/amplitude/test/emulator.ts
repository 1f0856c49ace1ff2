import { defineEmulator } from '@devicemode/testing';

/**
 * What Amplitude's Browser SDK 2 script does: assign its API onto the snippet's `window.amplitude`, run
 * the stub's queue (`{ name, args, resolve }`, calling `resolve` with each result's promise), keep the
 * device and user ids, and record every call. Identify and Revenue are recorded as the user properties
 * and event properties they put on the wire.
 */
export const emulator = defineEmulator({
  vendor: 'Amplitude',
  scripts: ['https://cdn.amplitude.com/libs/'],
  globals: ['amplitude'],
  install(win, record) {
    const stub = win.amplitude || { _q: [], _iq: {} };
    let devices = 0;
    const ids: { deviceId?: string; userId?: string } = {};
    const newDevice = (): void => {
      devices += 1;
      ids.deviceId = 'amp-device-' + devices;
    };
    class Identify {
      ops: Record<string, Record<string, unknown>> = {};
      set(key: string, value: unknown): Identify {
        (this.ops.$set = this.ops.$set || {})[key] = value;
        return this;
      }
      getUserProperties(): Record<string, unknown> {
        return JSON.parse(JSON.stringify(this.ops));
      }
    }
    class Revenue {
      fields: Record<string, unknown> = { $quantity: 1, $price: 0 };
      props: Record<string, unknown> = {};
      setProductId(id: string): Revenue {
        this.fields.$productId = id;
        return this;
      }
      setPrice(price: number): Revenue {
        this.fields.$price = price;
        return this;
      }
      setQuantity(quantity: number): Revenue {
        if (quantity > 0) this.fields.$quantity = quantity;
        return this;
      }
      setRevenueType(type: string): Revenue {
        this.fields.$revenueType = type;
        return this;
      }
      setCurrency(currency: string): Revenue {
        this.fields.$currency = currency;
        return this;
      }
      setEventProperties(properties: Record<string, unknown>): Revenue {
        this.props = properties;
        return this;
      }
      getEventProperties(): Record<string, unknown> {
        return JSON.parse(JSON.stringify({ ...this.props, ...this.fields }));
      }
    }
    const api: Record<string, unknown> = {
      Identify,
      Revenue,
      runQueuedFunctions: () => undefined,
      init: (apiKey: string, options: Record<string, unknown> = {}) => {
        // As it reaches Amplitude: undefined options are dropped.
        record('amplitude.init', apiKey, JSON.parse(JSON.stringify(options)));
        if (typeof options.deviceId === 'string') ids.deviceId = options.deviceId;
        else newDevice();
        if (typeof options.userId === 'string') ids.userId = options.userId;
        return { promise: Promise.resolve({ code: 200 }) };
      },
      track: (name: string, properties: unknown) => record('amplitude.track', name, properties),
      identify: (identify: Identify) => record('amplitude.identify', identify.getUserProperties()),
      groupIdentify: (type: string, name: string, identify: Identify) =>
        record('amplitude.groupIdentify', type, name, identify.getUserProperties()),
      setGroup: (type: string, name: string) => record('amplitude.setGroup', type, name),
      revenue: (revenue: Revenue) => record('amplitude.revenue', revenue.getEventProperties()),
      getDeviceId: () => ids.deviceId,
      setDeviceId: (deviceId: string) => {
        record('amplitude.setDeviceId', deviceId);
        ids.deviceId = deviceId;
      },
      getUserId: () => ids.userId,
      setUserId: (userId: string | undefined) => {
        record('amplitude.setUserId', userId);
        ids.userId = userId;
      },
      setOptOut: (optOut: boolean) => record('amplitude.setOptOut', optOut),
      reset: () => {
        record('amplitude.reset');
        newDevice();
        ids.userId = undefined;
      },
    };
    const amplitude = Object.assign(stub, api);
    win.amplitude = amplitude;
    const queue: { name: string; args: unknown[]; resolve?: (result: unknown) => void }[] = stub._q || [];
    amplitude._q = [];
    for (const { name, args, resolve } of queue) {
      const fn = api[name];
      const result = typeof fn === 'function' ? fn(...args) : undefined;
      if (typeof resolve === 'function') resolve(result && result.promise);
    }
  },
});
