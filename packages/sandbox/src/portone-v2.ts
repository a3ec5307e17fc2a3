/**
 * @kcheckout/sandbox/portone-v2: the PortOne V2 browser SDK stand-in (window.PortOne) alone, so a page carries only the stand-in it uses
 * (the root entry's `sandboxScriptUrl(sdk)` carries all four).
 */
import { PORTONE_V2_SOURCE } from './generated/portone-v2.js';
import { blobScriptUrl } from './script-url.js';

export { sandboxClientKeys } from './client-keys.js';
export { configureSandbox, getSandbox } from './configure.js';
export type { SandboxControl, SandboxOptions, SandboxOutcome, SandboxPayment } from './types.js';

/** Which stand-in this entry holds. */
export const sdk = 'portone-v2';

/** The stand-in script's source text, e.g. to serve it yourself. */
export const scriptSource: string = PORTONE_V2_SOURCE;

/**
 * The stand-in's URL on your own server when served with `handleSandboxScript` or copied with
 * `kcheckout-sandbox copy-scripts`: a plain string, safe to use while server rendering.
 */
export const scriptPath = '/kcheckout-sandbox/portone-v2.js';

/**
 * A `blob:` URL for the stand-in, to pass as `scriptSrc`: the same one throughout the page (and
 * the same as the root entry's `sandboxScriptUrl('portone-v2')`).
 * @throws Error outside a browser: there, pass `scriptPath` instead.
 */
export function scriptUrl(): string {
  return blobScriptUrl(sdk, scriptSource, "scriptUrl() from '@kcheckout/sandbox/portone-v2'");
}
