/**
 * @kcheckout/sandbox: offline stand-ins for the Toss Payments and PortOne browser SDKs, for Storybook, tests and
 * demos. The stand-ins are real script files that install the vendors' globals with the vendors'
 * documented signatures and rules, so they go through the same loader as the real SDKs.
 *
 * This entry holds the scripts' source text and types (it never runs stand-in code itself) and the
 * REST stand-ins (`createSandboxApi`), which are Web-standard; `@kcheckout/sandbox/node` serves them
 * on loopback.
 */
import { blobScriptUrl, isSandboxSdk, unknownSdkError } from './script-url.js';
import { SOURCES } from './serve.js';
import type { SandboxSdk } from './types.js';

export { sandboxClientKeys } from './client-keys.js';
export { configureSandbox, getSandbox } from './configure.js';
export { createSandboxApi } from './rest/api.js';
export type {
  SandboxApi,
  SandboxApiCall,
  SandboxApiOptions,
  SandboxApiProvider,
  SandboxBillingAuthSeed,
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
export { SANDBOX_SCRIPT_BASE, sandboxScriptPath } from './script-url.js';
export { handleSandboxScript, sandboxScriptResponse } from './serve.js';

export type {
  SandboxControl,
  SandboxDevice,
  SandboxFailureScript,
  SandboxIamportPayment,
  SandboxIdentityVerification,
  SandboxLogEntry,
  SandboxOptions,
  SandboxOutcome,
  SandboxPayment,
  SandboxPortOnePayment,
  SandboxSdk,
  SandboxTossBillingAuth,
  SandboxTossPayment,
} from './types.js';

/**
 * A URL for the stand-in script of `sdk`, to pass as the library's `scriptSrc` (or to
 * `loadTossPayments(key, { src })` / `loadPaymentWidget(…, { src })`). In a browser it is a `blob:`
 * URL, the same one for the same sdk throughout the page. `'portone-v2'` installs `window.PortOne`
 * and `'iamport-v1'` installs `window.IMP`.
 *
 * It carries all four stand-ins into the page's bundle (about 20 kB gzip): a page that uses one
 * imports `scriptUrl` from `@kcheckout/sandbox/<sdk>` instead. To render on the server (no `window`)
 * or under a CSP that refuses `blob:`, pass `sandboxScriptPath(sdk)` and serve the files with
 * `handleSandboxScript` or `kcheckout-sandbox copy-scripts`.
 *
 * @throws Error outside a browser (call it in an effect or event handler, not while server rendering),
 * or for an sdk the sandbox does not have.
 */
export function sandboxScriptUrl(sdk: SandboxSdk): string {
  if (!isSandboxSdk(sdk)) throw unknownSdkError('sandboxScriptUrl()', sdk);
  return blobScriptUrl(sdk, SOURCES[sdk], `sandboxScriptUrl('${sdk}')`);
}
