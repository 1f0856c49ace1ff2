// Compile-only (checked by `tsc -b`): a plugin made by core is an analytics-next Plugin.
import type { Plugin } from '@segment/analytics-next';
import type { DestinationFactory } from '../src';
import { acmeDefinition } from './example-destination';

const factory: DestinationFactory = acmeDefinition();
export const plugin: Plugin = factory({ apiKey: 'abcd1234' });
export const plugins: Plugin[] = [factory({}), factory(undefined)];

// A handler's settings are the zod-inferred type, not unknown.
acmeDefinition().definition.page = (_client, _event, settings) => {
  const flag: boolean = settings.trackPages;
  // @ts-expect-error -- not a setting of Acme
  void settings.nonexistent;
  void flag;
};
