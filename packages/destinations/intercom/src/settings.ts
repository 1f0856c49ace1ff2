import { z } from 'zod';

/** Intercom Messenger settings. */
export const settings = z.object({
  /**
   * Your Intercom workspace ID (Intercom also calls it the app ID): 8 lowercase letters or digits, shown in
   * Settings > Installation > Web and in the app's URL (`app.intercom.com/a/apps/<workspace id>`).
   */
  appId: z
    .string()
    .regex(/^[a-z0-9]{8}$/)
    .describe('Workspace (app) ID: 8 lowercase letters or digits, e.g. abc12345'),
  /**
   * Where your workspace's data is hosted; selects the Messenger's regional `api_base`.
   * @default 'US'
   */
  region: z
    .enum(['US', 'EU', 'AU'])
    .default('US')
    .describe('Data hosting region of the workspace: US, EU (Ireland) or AU (Australia)'),
  /**
   * Where the Messenger script loads from, to self-host or use a first-party proxy; by default
   * `https://widget.intercom.io/widget/<appId>`.
   */
  scriptUrl: z
    .string()
    .regex(/^https:\/\/[A-Za-z0-9.-]+(:\d+)?\/[\w./@%-]*$/)
    .optional()
    .describe('Messenger script URL (https only); defaults to https://widget.intercom.io/widget/<appId>'),
  /**
   * Hide Intercom's default launcher bubble (for a custom launcher). Left unset when false, so the
   * workspace's own launcher visibility rules still apply.
   * @default false
   */
  hideDefaultLauncher: z.boolean().default(false).describe('Hide the default launcher bubble (hide_default_launcher)'),
  /** CSS selector of your own element(s) that open the Messenger when clicked. */
  customLauncherSelector: z
    .string()
    .regex(/^[\w\s#.:>+~,=[\]-]{1,200}$/)
    .optional()
    .describe('CSS selector of elements that open the Messenger (custom_launcher_selector), e.g. #help-button'),
});

export type Settings = z.infer<typeof settings>;
