/**
 * @kcheckout/sandbox/toss-v1: the Toss payment widget v1 stand-in (window.PaymentWidget) alone, so a page carries only the stand-in it uses
 * (the root entry's `sandboxScriptUrl(sdk)` carries all four).
 */
import { TOSS_V1_SOURCE } from './generated/toss-v1.js';
import { blobScriptUrl } from './script-url.js';

export { sandboxClientKeys } from './client-keys.js';
export { configureSandbox, getSandbox } from './configure.js';
export type { SandboxControl, SandboxOptions, SandboxOutcome, SandboxPayment } from './types.js';

/** Which stand-in this entry holds. */
export const sdk = 'toss-v1';

/** The stand-in script's source text, e.g. to serve it yourself. */
export const scriptSource: string = TOSS_V1_SOURCE;

/**
 * The stand-in's URL on your own server when served with `handleSandboxScript` or copied with
 * `kcheckout-sandbox copy-scripts`: a plain string, safe to use while server rendering.
 */
export const scriptPath = '/kcheckout-sandbox/toss-v1.js';

/**
 * A `blob:` URL for the stand-in, to pass as `scriptSrc`: the same one throughout the page (and
 * the same as the root entry's `sandboxScriptUrl('toss-v1')`).
 * @throws Error outside a browser: there, pass `scriptPath` instead.
 */
export function scriptUrl(): string {
  return blobScriptUrl(sdk, scriptSource, "scriptUrl() from '@kcheckout/sandbox/toss-v1'");
}
