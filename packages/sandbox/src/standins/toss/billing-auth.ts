import type { SandboxTossBillingAuth } from '../../types.js';
import { control } from '../shared/control.js';
import { openPaymentWindow } from '../shared/payment-window.js';
import { randomToken } from '../shared/random.js';
import { isAbsoluteHttpUrl, withQuery } from '../shared/redirect.js';
import type { Transactions } from '../shared/transactions.js';
import { checkOptionalFields } from './allow-lists.js';
import { tossError, tossMessage } from './errors.js';
import { ANONYMOUS } from './keys.js';

// `CardBillingAuthRequest` | `TransferBillingAuthRequest` (@tosspayments/tosspayments-sdk 2.8.1), with their @ignore fields.
const COMMON = ['method', 'successUrl', 'failUrl', 'customerName', 'customerEmail', 'windowTarget'];
const ALLOWED: Record<string, string[]> = {
  CARD: [...COMMON, 'selectableCardTypes', 'flowMode', 'easyPay', 'cardCompany'],
  TRANSFER: [...COMMON, 'transfer'],
};
// "현재 빌링을 지원하는 간편결제사는 토스페이, 네이버페이가 있습니다" (CardBillingAuthRequest.easyPay JSDoc).
const EASY_PAY = ['토스페이', 'TOSSPAY', '네이버페이', 'NAVERPAY'];
const CARD_TYPES = ['PERSONAL', 'CORPORATE'];

const given = (value: unknown) => value !== undefined && value !== null;

export interface BillingAuthContext {
  customerKey: string;
  transactions: Transactions;
  /** Set while the window is open, so `payment.destroy()` can close it. */
  setAbort: (controller: AbortController | null) => void;
}

/**
 * `payment.requestBillingAuth(…)` (자동결제 카드·계좌 등록): checks the request as the SDK documents it,
 * opens the window, and leaves for `successUrl?customerKey=…&authKey=…` when the buyer registers, or
 * `failUrl?code=…&message=…` when the card company declines. Closing the window rejects
 * `USER_CANCEL` (the @throws list); the promise never settles otherwise, as the page is leaving.
 */
export async function requestBillingAuth(request: unknown, { customerKey, transactions, setAbort }: BillingAuthContext): Promise<never> {
  if (transactions.busy) throw tossError('INVALID_METHOD_TRANSACTION', 'requestBillingAuth() was called while a window is open');
  const { method, successUrl, failUrl } = readBillingRequest(request);
  // A billing key belongs to one buyer: the issue call names the same customerKey (assumption, sandbox README).
  if (customerKey === ANONYMOUS) {
    throw tossError('INVALID_CUSTOMER_KEY', "billing needs the buyer's own customerKey in payment({ customerKey }), not ANONYMOUS: the billing key is issued for that customer");
  }
  const end = transactions.begin('requestBillingAuth', { exclusive: true });
  const abort = new AbortController();
  setAbort(abort);
  try {
    const outcome = await openPaymentWindow({
      title: '토스페이먼츠 샌드박스 자동결제 등록',
      details: [
        ['등록 수단', method === 'CARD' ? '신용·체크카드' : '계좌이체'],
        ['고객', customerKey],
      ],
      signal: abort.signal,
    });
    if (abort.signal.aborted) throw tossError('PAYMENT_REQUEST_ABORTED');
    if (outcome === 'cancel') throw tossError('USER_CANCEL');
    const sandbox = control();
    if (outcome === 'decline') {
      sandbox.navigate(withQuery(failUrl, { code: 'REJECT_CARD_COMPANY', message: tossMessage('REJECT_CARD_COMPANY') }));
      return new Promise<never>(() => {});
    }
    const auth: SandboxTossBillingAuth = { sdk: 'toss-v2', authKey: randomToken('bln_', 20), customerKey, method, answeredAt: Date.now() };
    const sent = recordBillingAuth(auth);
    if (sent) await sent;
    sandbox.navigate(withQuery(successUrl, { customerKey, authKey: auth.authKey }));
    return new Promise<never>(() => {});
  } finally {
    end();
    setAbort(null);
  }
}

function readBillingRequest(request: unknown): { method: 'CARD' | 'TRANSFER'; successUrl: string; failUrl: string } {
  if (typeof request !== 'object' || request === null) {
    throw tossError('INVALID_PARAMETERS', "requestBillingAuth takes an object: { method: 'CARD' | 'TRANSFER', successUrl, failUrl, … }");
  }
  const fields = request as Record<string, unknown>;
  const { method, successUrl, failUrl } = fields;
  if (method !== 'CARD' && method !== 'TRANSFER') {
    throw tossError('NOT_SUPPORTED_METHOD', `requestBillingAuth registers 'CARD' or 'TRANSFER', got ${JSON.stringify(method)}`);
  }
  const unknown = Object.keys(fields).filter((key) => !ALLOWED[method]!.includes(key));
  if (unknown.length > 0) {
    throw tossError('INVALID_PARAMETERS', `a ${method} billing request does not take ${unknown.map((key) => `'${key}'`).join(', ')}; it takes ${ALLOWED[method]!.join(', ')}`);
  }
  // "반드시 오리진을 포함해야 합니다" (BaseBillingAuthRequest.successUrl / failUrl JSDoc); both are required.
  if (!isAbsoluteHttpUrl(successUrl)) throw tossError('INCORRECT_SUCCESS_URL_FORMAT', 'successUrl is required, an absolute http(s) URL such as https://shop.example/billing/success');
  if (!isAbsoluteHttpUrl(failUrl)) throw tossError('INCORRECT_FAIL_URL_FORMAT', 'failUrl is required, an absolute http(s) URL such as https://shop.example/billing/fail');
  checkOptionalFields(fields);
  if (method === 'CARD') checkCard(fields);
  return { method, successUrl, failUrl };
}

/** The card fields' rules (CardBillingAuthRequest JSDoc): easyPay and cardCompany go with flowMode 'DIRECT' only. */
function checkCard({ flowMode, easyPay, cardCompany, selectableCardTypes }: Record<string, unknown>): void {
  if (given(flowMode) && flowMode !== 'DIRECT' && flowMode !== 'DEFAULT') {
    throw tossError('INVALID_PARAMETERS', `flowMode must be 'DIRECT' or 'DEFAULT', got ${JSON.stringify(flowMode)}`);
  }
  if (given(easyPay) && !EASY_PAY.includes(easyPay as string)) {
    throw tossError('INVALID_PARAMETERS', `easyPay for billing is one of ${EASY_PAY.join(', ')}, got ${JSON.stringify(easyPay)}`);
  }
  if ((given(easyPay) || given(cardCompany)) && flowMode !== 'DIRECT') {
    throw tossError('INVALID_PARAMETERS', "easyPay and cardCompany are used with flowMode 'DIRECT' only");
  }
  if (flowMode === 'DIRECT' && !given(easyPay) && !given(cardCompany)) {
    throw tossError('INVALID_FLOW_MODE_PARAMETERS', "flowMode 'DIRECT' needs easyPay (토스페이, 네이버페이) or cardCompany");
  }
  if (given(selectableCardTypes) && !(Array.isArray(selectableCardTypes) && selectableCardTypes.every((type) => CARD_TYPES.includes(type as string)))) {
    throw tossError('INVALID_PARAMETERS', "selectableCardTypes is an array of 'PERSONAL' and 'CORPORATE'");
  }
}

/**
 * Records the registration in `billingAuths` and, with `apiBase` set, hands it to the REST stand-ins
 * (`POST {apiBase}/__sandbox/billing-auths`) before the redirect leaves, so the server can issue the
 * billing key from its `authKey`.
 */
function recordBillingAuth(auth: SandboxTossBillingAuth): Promise<void> | undefined {
  const sandbox = control();
  (sandbox.billingAuths ??= []).push(auth);
  if (typeof sandbox.apiBase !== 'string' || sandbox.apiBase === '') return undefined;
  const url = `${sandbox.apiBase.replace(/\/+$/, '')}/__sandbox/billing-auths`;
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(auth), keepalive: true }).then(
    (response) => {
      if (!response.ok) console.error(`kcheckout sandbox: ${url} answered ${response.status}; the REST stand-ins do not know this billing authorisation.`);
    },
    (error: unknown) => console.error(`kcheckout sandbox: could not send the billing authorisation to ${url}.`, error),
  );
}
