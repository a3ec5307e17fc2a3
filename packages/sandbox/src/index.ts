/**
 * @kcheckout/sandbox: offline stand-ins for the Toss Payments and PortOne browser SDKs, for Storybook, tests and
 * demos. The stand-ins are real script files that install the vendors' globals with the vendors'
 * documented signatures and rules, so they go through the same loader as the real SDKs.
 *
 * This entry holds the scripts' source text and types (it never runs stand-in code itself) and the
 * REST stand-ins (`createSandboxApi`), which are Web-standard; `@kcheckout/sandbox/node` serves them
 * on loopback.
 */
import { IAMPORT_V1_SOURCE, PORTONE_V2_SOURCE, TOSS_V1_SOURCE, TOSS_V2_SOURCE } from './generated/standins.js';
import type { SandboxControl, SandboxSdk } from './types.js';

export { sandboxClientKeys } from './client-keys.js';
export { createSandboxApi } from './rest/api.js';
export type {
  SandboxApi,
  SandboxApiCall,
  SandboxApiOptions,
  SandboxApiProvider,
  SandboxDeposit,
  SandboxDepositTarget,
  SandboxFault,
  SandboxPaymentSeed,
  SandboxWebhookDelivery,
  SandboxWebhookEvent,
} from './rest/api.js';
export { sandboxSecrets } from './rest/secrets.js';
export { signStandardWebhook } from './rest/webhook.js';
export type { SandboxIdentityVerificationSeed } from './rest/portone-identity.js';

export type {
  SandboxControl,
  SandboxDevice,
  SandboxFailureScript,
  SandboxIamportPayment,
  SandboxIdentityVerification,
  SandboxLogEntry,
  SandboxOutcome,
  SandboxPayment,
  SandboxPortOnePayment,
  SandboxSdk,
  SandboxTossPayment,
} from './types.js';

declare global {
  interface Window {
    /** The sandbox's control object, installed by the first stand-in script that loads. */
    kcheckoutSandbox?: SandboxControl;
  }
}

const SOURCES: Readonly<Record<SandboxSdk, string>> = {
  'toss-v1': TOSS_V1_SOURCE,
  'toss-v2': TOSS_V2_SOURCE,
  'portone-v2': PORTONE_V2_SOURCE,
  'iamport-v1': IAMPORT_V1_SOURCE,
};


// On globalThis, not in this module: a second copy of this module (HMR, two bundles) must hand out
// the same URL, because the loader dedupes script tags by URL. Keyed by source text, so a rebuilt
// script gets a fresh URL.
const URL_CACHE = Symbol.for('kcheckout.sandbox.scriptUrls');

/**
 * A URL for the stand-in script of `sdk`, to pass as the library's `scriptSrc` (or to
 * `loadTossPayments(key, { src })` / `loadPaymentWidget(…, { src })`). In a browser it is a `blob:`
 * URL, the same one for the same sdk throughout the page. `'portone-v2'` installs `window.PortOne`
 * and `'iamport-v1'` installs `window.IMP`. For static hosting (e.g. a CSP that
 * refuses `blob:`), serve `@kcheckout/sandbox/scripts/<sdk>.js` instead.
 *
 * @throws Error outside a browser (call it in an effect or event handler, not while server rendering),
 * or for an sdk the sandbox does not have.
 */
export function sandboxScriptUrl(sdk: SandboxSdk): string {
  if (!Object.prototype.hasOwnProperty.call(SOURCES, sdk)) {
    throw new Error(
      `sandboxScriptUrl(): unknown sdk ${JSON.stringify(sdk)}. Use one of: ${Object.keys(SOURCES)
        .map((name) => `'${name}'`)
        .join(', ')}.`,
    );
  }
  if (typeof document === 'undefined' || typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function' || typeof Blob === 'undefined') {
    throw new Error(
      `sandboxScriptUrl('${sdk}') needs a browser (document and URL.createObjectURL): call it in an effect or an event ` +
        `handler, not during server rendering, or serve the static file @kcheckout/sandbox/scripts/${sdk}.js.`,
    );
  }
  const source = SOURCES[sdk];
  const host = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  const cache = (host[URL_CACHE] ??= new Map<string, string>());
  let url = cache.get(source);
  if (!url) {
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    cache.set(source, url);
  }
  return url;
}

/** The sandbox's control object (`window.kcheckoutSandbox`), once a stand-in script has run. */
export function getSandbox(): SandboxControl | undefined {
  return typeof window === 'undefined' ? undefined : window.kcheckoutSandbox;
}
