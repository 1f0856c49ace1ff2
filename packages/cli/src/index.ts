// The CLI's commands as functions, for scripts and tests; `devicemode` (src/cli.ts) is a thin shell over them.
export { CATEGORIES, isCategory } from './categories';
export type { Category } from './categories';
export { CliError } from './cli-error';
export { runDocs } from './docs/run-docs';
export type { DocsOptions, DocsOutcome } from './docs/run-docs';
export { settingsTable, settingRows } from './docs/settings-table';
export { eventsTable } from './docs/events-table';
export { runCreate } from './create/run-create';
export type { CreateAnswers } from './create/answers';
export { findRepoRoot, listDestinations } from './repo';
export { libraryNameOf } from './names';
