import { claimSlot, control, record, releaseSlot, slotTaken } from '../shared/control.js';
import { h, theme } from '../shared/dom.js';
import { readCurrency } from './money.js';
import { looksLikeSecret, secretHint } from './secrets.js';
import { runPortOneWindow } from './window.js';

const SDK = 'portone-v2';
// The same page-level slot `requestPayment` holds while its window is open: PortOne has one
// payment window at a time, whichever entry point opened it.
const REQUEST_SLOT = `${SDK}:request`;

/**
 * The element the UI renders into. PortOne's PayPal guide has the page hold one element with this
 * class and renders the PayPal buttons into it (research/portone.md §1.4, paypal-v2.mdx); the SDK
 * finds it itself, as the first match in the document: `loadPaymentUI` takes no selector.
 */
export const UI_CONTAINER_CLASS = 'portone-ui-container';

// The `uiType` values `LoadPaymentUIRequest` allows (`PaymentUIType` in @portone/browser-sdk 0.1.11).
const UI_TYPES = ['PAYPAL_SPB'];

/**
 * Currencies PayPal settles in (PayPal REST API reference, "Currency codes"). KRW is not among
 * them, so a PAYPAL_SPB request in won cannot be paid.
 */
const PAYPAL_CURRENCIES = new Set(
  'AUD BRL CAD CNY CZK DKK EUR HKD HUF ILS JPY MYR MXN TWD NZD NOK PHP PLN GBP SGD SEK CHF THB USD'.split(' '),
);

/** What the rendered UI keeps on its marker element, so a second copy of this script finds it too. */
interface LoadedUI {
  request: CheckedUIRequest;
  onPaymentSuccess: (response: unknown) => void;
  onPaymentFail: (error: unknown) => void;
}

const UI_STATE = Symbol.for('kcheckout.sandbox.paymentUI');
type Marker = HTMLElement & { [UI_STATE]?: LoadedUI };

export interface CheckedUIRequest {
  storeId: string;
  channelKey: string;
  paymentId: string;
  orderName: string;
  totalAmount: number;
  currency: string;
  customData?: string;
}

/** `LoadPaymentUIError`, tagged as the SDK's `isLoadPaymentUIError` tests it. */
export interface LoadPaymentUIError extends Error {
  __portOneErrorType: 'LoadPaymentUIError';
  transactionType: 'PAYMENT';
  code: 'InvalidArgument' | 'FailedPrecondition';
}

function uiError(code: LoadPaymentUIError['code'], korean: string, hint: string): LoadPaymentUIError {
  const error = new Error(`${korean} (${hint})`) as LoadPaymentUIError;
  error.__portOneErrorType = 'LoadPaymentUIError';
  error.transactionType = 'PAYMENT';
  error.code = code;
  return error;
}

/** The checks `loadPaymentUI` and `updateLoadPaymentUIRequest` make on a `LoadPaymentUIRequest`. */
export function readUIRequest(request: unknown, method: string): CheckedUIRequest {
  const usage = `${method}({ uiType: 'PAYPAL_SPB', storeId, channelKey, paymentId, orderName, totalAmount, currency }${method === 'loadPaymentUI' ? ', { onPaymentSuccess, onPaymentFail }' : ''})`;
  if (!request || typeof request !== 'object') throw uiError('InvalidArgument', '요청 객체가 올바르지 않습니다.', `call ${usage}`);
  const fields = request as Record<string, unknown>;
  const fail = (field: string, korean: string, hint: string) => uiError('InvalidArgument', korean.replace('%s', field), hint);
  for (const field of ['storeId', 'channelKey']) {
    if (looksLikeSecret(fields[field])) throw uiError('InvalidArgument', `${field}에 API 시크릿을 넣으면 안 됩니다.`, secretHint(field, fields[field]));
  }
  const { uiType } = fields;
  if (uiType === undefined || uiType === null) throw fail('uiType', '%s는 필수 입력값입니다.', "pass uiType: 'PAYPAL_SPB' (the only PaymentUIType)");
  if (typeof uiType !== 'string' || !UI_TYPES.includes(uiType)) throw fail('uiType', '지원하지 않는 %s입니다.', `uiType must be 'PAYPAL_SPB', got ${JSON.stringify(uiType)}`);
  for (const [field, example] of [
    ['storeId', 'the store id (store-…) from the PortOne console'],
    // LoadPaymentUIRequest types channelKey as required: no channelGroupId here, unlike requestPayment.
    ['channelKey', 'the channelKey (channel-key-…) of your PayPal channel'],
    ['paymentId', 'a fresh id per checkout attempt'],
    ['orderName', 'the order name the buyer sees'],
  ] as const) {
    const value = fields[field];
    if (value === undefined || value === null) throw fail(field, '%s는 필수 입력값입니다.', `pass ${field}: ${example}`);
    if (typeof value !== 'string' || value.trim() === '') throw fail(field, '%s 값이 올바르지 않습니다.', `${field} must be a non-empty string: ${example}`);
  }
  const { totalAmount } = fields;
  if (totalAmount === undefined || totalAmount === null) throw fail('totalAmount', '%s는 필수 입력값입니다.', 'the amount in minor units: 1250 for 12.50 USD');
  if (typeof totalAmount !== 'number' || !Number.isSafeInteger(totalAmount) || totalAmount <= 0) {
    throw fail('totalAmount', '%s는 0보다 큰 정수여야 합니다.', `totalAmount is a whole number of minor units (USD × 100: 12.50 USD is 1250), got ${String(totalAmount)}`);
  }
  if (fields.currency === undefined || fields.currency === null) throw fail('currency', '%s는 필수 입력값입니다.', "pass currency: 'USD' (or 'CURRENCY_USD')");
  const currency = readCurrency(fields.currency, { prefixed: true });
  if (!currency) throw fail('currency', '%s 값이 올바르지 않습니다.', `expected an ISO 4217 code such as 'USD', got ${JSON.stringify(fields.currency)}`);
  if (!PAYPAL_CURRENCIES.has(currency)) {
    throw fail('currency', 'PayPal에서 지원하지 않는 %s입니다.', `PayPal does not settle in ${currency}; use one of its currencies, e.g. 'USD'`);
  }
  const { customData } = fields;
  return {
    storeId: fields.storeId as string,
    channelKey: fields.channelKey as string,
    paymentId: fields.paymentId as string,
    orderName: fields.orderName as string,
    totalAmount,
    currency,
    ...(customData === undefined || customData === null ? {} : { customData: typeof customData === 'string' ? customData : JSON.stringify(customData) }),
  };
}

/** The rendered UI on this page, if its element is still in the document. */
function liveUI(): Marker | null {
  const marker = document.querySelector<Marker>(`.${UI_CONTAINER_CLASS} > [data-kcheckout-sandbox="paypal-buttons"]`);
  return marker && marker[UI_STATE] ? marker : null;
}

/**
 * `PortOne.loadPaymentUI(request, { onPaymentSuccess, onPaymentFail })`: checks the request,
 * renders the PayPal button into the page's `.portone-ui-container`, and resolves once it is shown.
 * The results arrive through the callbacks, never through the promise.
 */
export async function loadPaymentUI(this: unknown, request: unknown, callbacks: unknown): Promise<void> {
  record(SDK, 'loadPaymentUI', arguments);
  const checked = readUIRequest(request, 'loadPaymentUI');
  const { onPaymentSuccess, onPaymentFail } = (callbacks ?? {}) as Partial<LoadedUI>;
  if (typeof onPaymentSuccess !== 'function' || typeof onPaymentFail !== 'function') {
    throw uiError('InvalidArgument', '콜백이 올바르지 않습니다.', 'pass loadPaymentUI(request, { onPaymentSuccess(response) {…}, onPaymentFail(error) {…} }) as the second argument');
  }
  const container = document.querySelector<HTMLElement>(`.${UI_CONTAINER_CLASS}`);
  if (!container) {
    throw uiError('FailedPrecondition', `.${UI_CONTAINER_CLASS} 요소가 없습니다.`, `put an element with class="${UI_CONTAINER_CLASS}" in the page before loadPaymentUI(); the PayPal buttons render into the first one`);
  }
  if (container.querySelector('[data-kcheckout-sandbox="paypal-buttons"]')) {
    throw uiError('FailedPrecondition', '이미 결제 UI가 렌더링된 영역입니다.', `the first .${UI_CONTAINER_CLASS} already holds a payment UI: load once per container, and use updateLoadPaymentUIRequest() for changes`);
  }
  const marker: Marker = h('div', { 'data-kcheckout-sandbox': 'paypal-buttons', style: 'display:flex;flex-direction:column;gap:8px;' });
  marker[UI_STATE] = { request: checked, onPaymentSuccess, onPaymentFail };
  const button = h(
    'button',
    {
      type: 'button',
      style: `padding:12px 0;border:none;border-radius:${theme.radius};background:#ffc439;color:#003087;font:inherit;font-weight:700;font-size:16px;cursor:pointer;`,
    },
    'PayPal',
  );
  button.addEventListener('click', () => void pay(marker));
  marker.append(button, h('span', { style: theme.badge.replace('margin-left:8px;', 'align-self:center;') }, '샌드박스'));
  await new Promise((resolve) => setTimeout(resolve, Number(control().latencyMs) || 0));
  // The page may have dropped the container meanwhile (an unmount): render nowhere, as the SDK would.
  if (container.isConnected) container.append(marker);
}

/**
 * `PortOne.updateLoadPaymentUIRequest(request)`: the rendered UI takes the new request (an amount
 * change) without rendering again. Only after `loadPaymentUI` has resolved and while its UI is in the page.
 */
export async function updateLoadPaymentUIRequest(this: unknown, request: unknown): Promise<void> {
  record(SDK, 'updateLoadPaymentUIRequest', arguments);
  const marker = liveUI();
  if (!marker) {
    throw uiError('FailedPrecondition', '불러온 결제 UI가 없습니다.', 'call updateLoadPaymentUIRequest() only after loadPaymentUI() has resolved, while its container is still in the page');
  }
  const checked = readUIRequest(request, 'updateLoadPaymentUIRequest');
  await new Promise((resolve) => setTimeout(resolve, Number(control().latencyMs) || 0));
  const state = marker[UI_STATE]!;
  marker[UI_STATE] = { ...state, request: checked };
}

/** The buyer pressed the PayPal button: the sandbox window stands in for PayPal's popup. */
async function pay(marker: Marker): Promise<void> {
  const state = marker[UI_STATE];
  if (!state) return;
  const { request, onPaymentSuccess, onPaymentFail } = state;
  const paid = control().payments.some((entry) => entry.sdk === SDK && entry.status === 'approved' && 'paymentId' in entry && entry.paymentId === request.paymentId);
  if (paid || slotTaken(REQUEST_SLOT)) {
    onPaymentFail(
      paymentError(
        paid ? 'PaymentAlreadyPaid' : 'FailedPrecondition',
        paid ? '이미 결제가 완료된 결제 건입니다.' : '이미 진행 중인 결제가 있습니다.',
        request.paymentId,
      ),
    );
    return;
  }
  const owner = {};
  claimSlot(REQUEST_SLOT, owner, () => true);
  const release = () => releaseSlot(REQUEST_SLOT, owner);
  try {
    const response = await runPortOneWindow(
      {
        transactionType: 'PAYMENT',
        storeId: request.storeId,
        channelKey: request.channelKey,
        paymentId: request.paymentId,
        title: request.orderName,
        amount: request.totalAmount,
        currency: request.currency,
        method: 'PAYPAL',
        label: 'PayPal',
        redirectUrl: null,
        ...(request.customData !== undefined ? { customData: request.customData } : {}),
      },
      release,
    );
    if (response.code === undefined) onPaymentSuccess(response);
    else onPaymentFail(Object.assign(paymentError(response.code, response.message ?? response.code, request.paymentId), response));
  } finally {
    release();
  }
}

/** What `onPaymentFail` receives: a `PaymentError` (declined, cancelled, already paid). */
function paymentError(code: string, message: string, paymentId: string): Error {
  const error = new Error(message) as Error & Record<string, unknown>;
  error.__portOneErrorType = 'PaymentError';
  error.transactionType = 'PAYMENT';
  error.code = code;
  error.paymentId = paymentId;
  return error;
}
