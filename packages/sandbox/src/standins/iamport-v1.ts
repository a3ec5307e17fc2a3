/**
 * Offline stand-in for PortOne V1's `iamport.js` (`https://cdn.iamport.kr/v1/iamport.js`, global
 * `IMP`), emulating `IMP.init(code)` and `IMP.request_pay(params, callback)`: results and refusals
 * reach the callback (never a throw), or `m_redirect_url` on mobile.
 * Built into one self-contained IIFE: dist/scripts/iamport-v1.js.
 */
import { claimSlot, control, noteScript, record, releaseSlot, slotTaken } from './shared/control.js';
import { notify } from './shared/listeners.js';
import { withQuery } from './shared/redirect.js';
import { iamportFailure, type IamportFailure } from './iamport/errors.js';
import { checkImpCode, failureRedirect, merchantUidOf, readRequestPay } from './iamport/params.js';
import { runIamportWindow, type RequestPayResponse } from './iamport/window.js';

const SDK = 'iamport-v1';
// Page-level, so a second copy of the script sees the window the first opened, and reset() frees it.
const REQUEST_SLOT = `${SDK}:request`;

// Per copy of the script, like the real global: a fresh IMP object is not initialised.
let impCode: unknown;
let initialised = false;

/** The m_redirect_url query (research/portone.md §3.3): values are strings, booleans as 'true' / 'false'. */
function redirectQuery(response: RequestPayResponse): Record<string, string> {
  const query: Record<string, string> = {};
  if (typeof response.imp_uid === 'string') query.imp_uid = response.imp_uid;
  query.merchant_uid = String(response.merchant_uid ?? '');
  query.imp_success = String(response.error_code === undefined);
  if (typeof response.error_code === 'string') query.error_code = response.error_code;
  if (typeof response.error_msg === 'string') query.error_msg = response.error_msg;
  return query;
}

/**
 * Answers a call refused before any window: to the callback, a macrotask later (iamport.js
 * answers asynchronously, and a library must not depend on a synchronous callback), or, without
 * a callback on mobile, to m_redirect_url. `imp_uid` is null: no payment was created.
 */
function refuse(params: unknown, callback: unknown, failure: IamportFailure): void {
  const response: RequestPayResponse = { success: false, imp_success: false, imp_uid: null, merchant_uid: merchantUidOf(params), ...failure };
  if (typeof callback === 'function') {
    setTimeout(() => notify(callback as (response: RequestPayResponse) => unknown, response), 0);
    return;
  }
  const redirect = failureRedirect(params);
  if (redirect) control().navigate(withQuery(redirect, redirectQuery(response)));
  else console.error(`[kcheckout sandbox] IMP.request_pay failed and has no callback: ${failure.error_code} ${failure.error_msg}`);
}

const IMP = {
  init(code: unknown): void {
    record(SDK, 'init', arguments);
    // iamport.js only stores the code; it is checked when a payment is requested.
    impCode = code;
    initialised = true;
  },

  request_pay(params: unknown, callback?: unknown): void {
    record(SDK, 'request_pay', arguments);
    if (!initialised) return refuse(params, callback, iamportFailure('NOT_READY', 'call IMP.init(merchantCode) once, before IMP.request_pay'));
    const badCode = checkImpCode(impCode);
    if (badCode) return refuse(params, callback, badCode);
    if (slotTaken(REQUEST_SLOT)) {
      return refuse(params, callback, iamportFailure('PAYMENT_IN_PROGRESS', 'IMP.request_pay was called while the payment window is open: wait for its callback first'));
    }
    const checked = readRequestPay(params);
    if ('error_code' in checked) return refuse(params, callback, checked);
    // merchant_uid is unique per payment (research/portone.md §3.1): a paid one cannot be paid again.
    if (control().payments.some((paid) => paid.sdk === SDK && paid.status === 'approved' && paid.merchantUid === checked.merchantUid)) {
      return refuse(params, callback, iamportFailure('ALREADY_PAID', `merchant_uid ${JSON.stringify(checked.merchantUid)} is already paid: make a new one per payment attempt`));
    }

    const owner = {};
    claimSlot(REQUEST_SLOT, owner, () => true);
    const release = () => releaseSlot(REQUEST_SLOT, owner);
    void runIamportWindow(checked, impCode as string, release)
      .then(({ response }) => {
        if (checked.redirectUrl) control().navigate(withQuery(checked.redirectUrl, redirectQuery(response)));
        else if (typeof callback === 'function') notify(callback as (response: RequestPayResponse) => unknown, response);
      })
      .finally(release);
  },
};

/** iamport.js's other entry points exist, so feature checks see them, but refuse offline. */
function unsupported(method: string) {
  return function (this: unknown): never {
    record(SDK, method, arguments);
    throw new Error(
      `The kcheckout sandbox emulates IMP.init() and IMP.request_pay() only; IMP.${method}() is not available offline. ` +
        `Load the real iamport.js for ${method}().`,
    );
  };
}

// Create the control object now, so a test or story can steer the sandbox before the first call.
control();
noteScript(SDK);
(window as unknown as { IMP: unknown }).IMP = {
  ...IMP,
  agency: unsupported('agency'),
  certification: unsupported('certification'),
  loadUI: unsupported('loadUI'),
  updateLoadUIRequest: unsupported('updateLoadUIRequest'),
  close: unsupported('close'),
};
