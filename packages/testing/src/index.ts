export { answers, defineEmulator, emulatorScript, EMULATED_FAILURE, FAULTS } from './emulator';
export type { Fault, Recorder, VendorCall, VendorEmulator } from './emulator';
export { addedGlobals, resetPage, serveVendor, vendorScripts } from './jsdom-page';
export type { ServedVendor, ServeOptions } from './jsdom-page';
export {
  createSpec,
  spec,
  FIXTURE_ANONYMOUS_ID,
  FIXTURE_GROUP_ID,
  FIXTURE_PAGE,
  FIXTURE_USER_ID,
  GROUP_TRAITS,
  IDENTIFY_TRAITS,
  SPEC_PROPERTIES,
  withConsent,
} from './spec-events';
export type { SpecUser } from './spec-events';
export { call, defineTestPlan, dispatch, runFixture, runFixtureTable, settle } from './fixture-table';
export type { DestinationTestPlan, Fixture, InvalidSettings } from './fixture-table';
export { conformanceChecks, runConformance, CONFORMANCE_TIMEOUT_MS, FUZZ_EVENTS } from './conformance';
export type { ConformanceCheck } from './conformance';
