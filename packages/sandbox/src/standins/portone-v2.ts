/**
 * Offline stand-in for the PortOne V2 browser SDK script (`https://cdn.portone.io/v2/browser-sdk.js`,
 * global `PortOne`), emulating `requestPayment`, `requestIssueBillingKey` and `requestIdentityVerification` with the vendor's
 * documented request rules and both result channels. `@portone/browser-sdk/v2` uses
 * `window.PortOne` once it is present, so the npm package's functions reach this stand-in.
 * Built into one self-contained IIFE: dist/scripts/portone-v2.js.
 */
import { abandonSlot, claimSlot, control, noteScript, record, releaseSlot, slotTaken } from './shared/control.js';
import { portOneError, type PortOneTransactionType } from './portone/errors.js';
import { readIssueBillingKeyRequest, readPaymentRequest, type PortOneWindowRequest } from './portone/request.js';
import { runPortOneWindow } from './portone/window.js';
import { readIdentityVerificationRequest, runIdentityWindow } from './portone/identity.js';
import { loadPaymentUI, updateLoadPaymentUIRequest } from './portone/payment-ui.js';
import { alreadyPaid, billingKeyAndPayError, readBillingKeyAndPayRequest, runBillingKeyAndPayWindow } from './portone/billing-key-and-pay.js';

const SDK = 'portone-v2';
// Page-level, in the shared control object: a second copy of this script (a remount that lost the
// loader's cache) must see the window the first copy opened, and reset() must free it.
const REQUEST_SLOT = `${SDK}:request`;

/** Validates, then opens the one window a page may have open, and answers through it. */
async function request<R>(
  type: PortOneTransactionType,
  method: string,
  read: (request: unknown) => R,
  input: unknown,
  run: (checked: R, release: () => void) => Promise<unknown> = runPortOneWindow as never,
) {
  if (slotTaken(REQUEST_SLOT) && control().portoneOverlap === 'abandon-first') {
    // The first window is dropped unanswered: its promise never settles (README, "Assumed").
    document.querySelector('[data-kcheckout-sandbox="payment-window"]')?.remove();
    abandonSlot(REQUEST_SLOT);
  }
  if (slotTaken(REQUEST_SLOT)) {
    throw portOneError(
      type,
      'FailedPrecondition',
      '이미 진행 중인 결제가 있습니다.',
      `${method}() was called while the PortOne window is open: wait for the previous request to finish (disable the pay button while it is pending)`,
    );
  }
  const checked = read(input);
  // "re-requesting an already-paid id fails" (research/portone.md §1.4): answered like a PG failure.
  const paymentId = (checked as Partial<PortOneWindowRequest>).paymentId;
  if (type === 'PAYMENT' && control().payments.some((paid) => paid.sdk === SDK && paid.transactionType === 'PAYMENT' && paid.status === 'approved' && paid.paymentId === paymentId)) {
    return { transactionType: type, paymentId, code: 'PaymentAlreadyPaid', message: '이미 결제가 완료된 결제 건입니다.' };
  }
  const owner = {};
  claimSlot(REQUEST_SLOT, owner, () => true);
  const release = () => releaseSlot(REQUEST_SLOT, owner);
  try {
    return await run(checked, release);
  } finally {
    release();
  }
}

function requestPayment(paymentRequest: unknown): Promise<unknown> {
  record(SDK, 'requestPayment', arguments);
  return request('PAYMENT', 'requestPayment', readPaymentRequest, paymentRequest);
}

function requestIssueBillingKey(issueRequest: unknown): Promise<unknown> {
  record(SDK, 'requestIssueBillingKey', arguments);
  return request('ISSUE_BILLING_KEY', 'requestIssueBillingKey', readIssueBillingKeyRequest, issueRequest);
}

function requestIdentityVerification(identityRequest: unknown): Promise<unknown> {
  record(SDK, 'requestIdentityVerification', arguments);
  return request('IDENTITY_VERIFICATION', 'requestIdentityVerification', readIdentityVerificationRequest, identityRequest, runIdentityWindow);
}

/**
 * Billing key and first payment in one window. It shares the page's one request slot with
 * requestPayment and requestIssueBillingKey: a second request while any window is open is refused.
 */
async function requestIssueBillingKeyAndPay(andPayRequest: unknown): Promise<unknown> {
  record(SDK, 'requestIssueBillingKeyAndPay', arguments);
  if (slotTaken(REQUEST_SLOT) && control().portoneOverlap === 'abandon-first') {
    document.querySelector('[data-kcheckout-sandbox="payment-window"]')?.remove();
    abandonSlot(REQUEST_SLOT);
  }
  if (slotTaken(REQUEST_SLOT)) {
    throw billingKeyAndPayError(
      'FailedPrecondition',
      '이미 진행 중인 결제가 있습니다.',
      'requestIssueBillingKeyAndPay() was called while the PortOne window is open: wait for the previous request to finish (disable the button while it is pending)',
    );
  }
  const checked = readBillingKeyAndPayRequest(andPayRequest);
  const paid = alreadyPaid(checked.paymentId);
  if (paid) return paid;
  const owner = {};
  claimSlot(REQUEST_SLOT, owner, () => true);
  const release = () => releaseSlot(REQUEST_SLOT, owner);
  try {
    return await runBillingKeyAndPayWindow(checked, release);
  } finally {
    release();
  }
}

/** The SDK's other entry points exist, so feature checks see them, but refuse offline. */
function unsupported(method: string) {
  return function (this: unknown): Promise<never> {
    record(SDK, method, arguments);
    return Promise.reject(
      new Error(
        `The kcheckout sandbox emulates requestPayment(), requestIssueBillingKey(), requestIdentityVerification(), requestIssueBillingKeyAndPay() and the PayPal loadPaymentUI() only; ${method}() is not available offline. ` +
          `Load the real PortOne SDK for ${method}().`,
      ),
    );
  };
}

// Create the control object now, so a test or story can steer the sandbox before the first call.
control();
noteScript(SDK);
(window as unknown as { PortOne: unknown }).PortOne = {
  requestPayment,
  requestIssueBillingKey,
  requestIdentityVerification,
  requestIssueBillingKeyAndPay,
  loadPaymentUI,
  loadIssueBillingKeyUI: unsupported('loadIssueBillingKeyUI'),
  updateLoadPaymentUIRequest,
  updateLoadIssueBillingKeyUIRequest: unsupported('updateLoadIssueBillingKeyUIRequest'),
};
