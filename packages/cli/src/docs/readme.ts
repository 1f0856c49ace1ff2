// A destination README with both generated regions refreshed.
import type { SettingSchema } from '@devicemode/core';
import type { Fixture } from '@devicemode/testing';
import { eventsTable } from './events-table';
import { formatFor } from '../prettier-format';
import { EVENTS_REGION, regionNote, replaceRegion, SETTINGS_REGION } from './regions';
import { settingsTable } from './settings-table';

/** `readme` with its settings and event-mapping regions regenerated; `file` names it in errors. */
export async function readmeWithTables(
  root: string,
  readme: string,
  file: string,
  schema: SettingSchema,
  fixtures: readonly Fixture[],
): Promise<string> {
  const settings = `${regionNote('settings.schema.json')}\n\n${await formatFor(root, file, settingsTable(schema))}`;
  const events = `${regionNote('the fixture table in test/plan.ts')}\n\n${await formatFor(root, file, eventsTable(fixtures))}`;
  const withSettings = replaceRegion(readme, SETTINGS_REGION, settings, file);
  return replaceRegion(withSettings, EVENTS_REGION, events, file);
}
