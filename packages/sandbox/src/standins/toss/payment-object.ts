import { record } from '../shared/control.js';
import { Transactions } from '../shared/transactions.js';
import { checkAllowed } from './allow-lists.js';
import { requestBillingAuth } from './billing-auth.js';
import { tossError } from './errors.js';
import { checkCustomerKey } from './keys.js';
import { readMoney } from './money.js';
import { readPaymentRequest, runPayment } from './payment-request.js';
import type { TossMethod } from './payment-methods-ui.js';

const SDK = 'toss-v2';

// `PaymentRequest.method` (@tosspayments/tosspayments-sdk 2.8.1), with the window's label.
const METHODS: Record<string, string> = {
  CARD: '신용·체크카드',
  TRANSFER: '계좌이체',
  VIRTUAL_ACCOUNT: '가상계좌',
  MOBILE_PHONE: '휴대폰',
  CULTURE_GIFT_CERTIFICATE: '문화상품권',
  BOOK_GIFT_CERTIFICATE: '도서문화상품권',
  GAME_GIFT_CERTIFICATE: '게임문화상품권',
  FOREIGN_EASY_PAY: '해외간편결제',
};

// 간편결제사 codes (docs.tosspayments.com/codes/org-codes); the list is an assumption (sandbox README).
const EASY_PAY: Record<string, string> = {
  TOSSPAY: '토스페이',
  NAVERPAY: '네이버페이',
  SAMSUNGPAY: '삼성페이',
  APPLEPAY: '애플페이',
  LPAY: '엘페이',
  KAKAOPAY: '카카오페이',
  PINPAY: '핀페이',
  PAYCO: '페이코',
  SSG: 'SSG페이',
};

// Each method's own section; a section for another method is refused (assumption, README).
const SECTION: Record<string, string> = { CARD: 'card', TRANSFER: 'transfer', VIRTUAL_ACCOUNT: 'virtualAccount', MOBILE_PHONE: 'mobilePhone', FOREIGN_EASY_PAY: 'foreignEasyPay' };
const CASH_RECEIPTS = ['소득공제', '지출증빙', '미발행'];

const given = (value: unknown) => value !== undefined && value !== null;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * `TossPayments(clientKey).payment({ customerKey })`, the payment window (결제창): an API individual
 * key only (a widget key throws NOT_SUPPORTED_WIDGET_KEY, per the `payment()` JSDoc), one request at
 * a time, and `destroy()` closing an open window.
 */
export function createPayment(clientKey: string, params: unknown) {
  if (clientKey.startsWith('test_gck_')) {
    throw tossError('NOT_SUPPORTED_WIDGET_KEY', 'payment() needs an API individual client key (test_ck_…), not a widget key (test_gck_…)');
  }
  checkCustomerKey(isObject(params) ? params.customerKey : undefined);
  const transactions = new Transactions();
  let abort: AbortController | null = null;

  return {
    async requestPayment(request: unknown): Promise<unknown> {
      record(SDK, 'payment.requestPayment', arguments);
      if (transactions.busy) throw tossError('INVALID_METHOD_TRANSACTION', 'requestPayment() was called while the payment window is open');
      const { method, label } = readMethod(request);
      const fields = request as Record<string, unknown>;
      const money = isObject(fields.amount) ? readMoney(fields.amount.value, fields.amount.currency) : readMoney(undefined, 'KRW');
      if (money.value <= 0) throw tossError('INVALID_AMOUNT_VALUE', `amount.value must be above 0, got ${money.value}`);
      if (money.currency !== 'KRW' && method !== 'FOREIGN_EASY_PAY') {
        throw tossError('INVALID_AMOUNT_CURRENCY', `${method} charges KRW only; ${money.currency} is for FOREIGN_EASY_PAY`);
      }
      const order = readPaymentRequest(request, 'v2.payment.requestPayment');
      if (method === 'FOREIGN_EASY_PAY' && !order.redirect) {
        throw tossError('NOT_SUPPORTED_PROMISE', 'FOREIGN_EASY_PAY has redirect mode only: pass successUrl and failUrl');
      }
      const end = transactions.begin('requestPayment', { exclusive: true });
      const controller = new AbortController();
      abort = controller;
      const tossMethod: TossMethod = { code: method, label, v1: { method: label } };
      try {
        return await runPayment({
          sdk: SDK,
          request: order,
          money,
          method: tossMethod,
          resultAmount: (paid) => ({ value: paid.value, currency: paid.currency }),
          release: end,
          paymentType: false,
          signal: controller.signal,
          keyKind: 'api',
        });
      } finally {
        end();
        if (abort === controller) abort = null;
      }
    },
    async requestBillingAuth(request: unknown): Promise<never> {
      record(SDK, 'payment.requestBillingAuth', arguments);
      return requestBillingAuth(request, { customerKey: (params as { customerKey: string }).customerKey, transactions, setAbort: (controller) => (abort = controller) });
    },
    async destroy(): Promise<void> {
      record(SDK, 'payment.destroy', arguments);
      abort?.abort();
    },
  };
}

/** The method and its section's rules; the method code the window records (a wallet for DIRECT). */
function readMethod(request: unknown): { method: string; label: string } {
  if (!isObject(request)) throw tossError('INVALID_PARAMETERS', 'requestPayment takes an object: { method, amount, orderId, orderName, … }');
  checkAllowed('v2.payment.requestPayment', request);
  const { method } = request;
  if (typeof method !== 'string' || !(method in METHODS)) {
    throw tossError('NOT_SUPPORTED_METHOD', `method must be one of ${Object.keys(METHODS).join(', ')}, got ${JSON.stringify(method)}`);
  }
  for (const [owner, section] of Object.entries(SECTION)) {
    if (owner !== method && given(request[section])) {
      throw tossError('INVALID_PARAMETERS', `'${section}' is for method ${owner}; this request is ${method}`);
    }
  }
  const section = request[SECTION[method] ?? ''];
  if (given(section) && !isObject(section)) throw tossError('INVALID_PARAMETERS', `'${SECTION[method]}' must be an object`);
  const fields = (section ?? {}) as Record<string, unknown>;
  if (given(fields.useEscrow) && typeof fields.useEscrow !== 'boolean') throw tossError('INVALID_PARAMETERS', 'useEscrow must be a boolean');
  if (given(fields.escrowProducts) && !Array.isArray(fields.escrowProducts)) throw tossError('INVALID_PARAMETERS', 'escrowProducts must be an array');
  if (given(fields.cashReceipt) && !(isObject(fields.cashReceipt) && CASH_RECEIPTS.includes(fields.cashReceipt.type as string))) {
    throw tossError('INVALID_PARAMETERS', `cashReceipt must be { type: ${CASH_RECEIPTS.map((type) => `'${type}'`).join(' | ')} }`);
  }
  if (method === 'CARD') return readCard(fields);
  return { method, label: METHODS[method]! };
}

/** `card.flowMode`: `DIRECT` opens a card company's or a wallet's own window, so it needs one of them. */
function readCard(card: Record<string, unknown>): { method: string; label: string } {
  const { flowMode, easyPay, cardCompany } = card;
  if (given(flowMode) && flowMode !== 'DIRECT' && flowMode !== 'DEFAULT') {
    throw tossError('INVALID_PARAMETERS', `card.flowMode must be 'DIRECT' or 'DEFAULT', got ${JSON.stringify(flowMode)}`);
  }
  if (given(easyPay) && !(typeof easyPay === 'string' && easyPay in EASY_PAY)) {
    throw tossError('INVALID_PARAMETERS', `card.easyPay must be a 간편결제 code (${Object.keys(EASY_PAY).join(', ')}), got ${JSON.stringify(easyPay)}`);
  }
  if (flowMode === 'DIRECT' && !given(easyPay) && !given(cardCompany)) {
    throw tossError('INVALID_FLOW_MODE_PARAMETERS', "flowMode 'DIRECT' needs card.easyPay (a wallet) or card.cardCompany");
  }
  if (flowMode === 'DIRECT' && typeof easyPay === 'string') return { method: easyPay, label: EASY_PAY[easyPay]! };
  return { method: 'CARD', label: METHODS.CARD! };
}
