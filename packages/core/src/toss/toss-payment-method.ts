import { CheckoutError } from '../errors.js';
import type { PortOneEasyPayProvider, PortOneMethod } from '../payment-methods.js';
import type { PaymentOrder, RedirectUrls } from '../types.js';
import type { Money } from '../validation.js';
import { tossOrderFields } from './toss-widget-driver.js';

/** The methods `payment().requestPayment()` opens a window for, as our method picker names them. */
export type TossPaymentMethodCode = 'CARD' | 'TRANSFER' | 'VIRTUAL_ACCOUNT' | 'MOBILE_PHONE';

/**
 * Escrow, passed through to the method's own section (`card`, `transfer` or `virtualAccount`;
 * `@tosspayments/tosspayments-sdk` 2.8.1 `CardPaymentRequest` and siblings). Phone payments take none.
 */
export interface TossEscrow {
  /** `true`: the buyer must accept escrow for the payment to complete; otherwise it is the buyer's choice. */
  useEscrow: boolean;
  /** One entry per kind of product bought. */
  escrowProducts?: Array<{ id?: string; name?: string; code?: string; unitPrice?: number; quantity?: number }> | undefined;
}

/** A cash receipt for transfers and virtual accounts (`'미발행'`: none is issued). */
export interface TossCashReceipt {
  type: '소득공제' | '지출증빙' | '미발행';
}

/** What a payment-window request adds to the order, beside the method the buyer picked. */
export interface TossPaymentExtras {
  escrow?: TossEscrow | undefined;
  cashReceipt?: TossCashReceipt | undefined;
}

/**
 * Our wallet names that are Toss 간편결제 codes (docs.tosspayments.com/codes/org-codes, the
 * 간편결제사 table: SSG페이 is `SSG` there). A wallet Toss does not open directly is refused.
 */
const TOSS_EASY_PAY: Partial<Record<PortOneEasyPayProvider, string>> = {
  TOSSPAY: 'TOSSPAY',
  KAKAOPAY: 'KAKAOPAY',
  NAVERPAY: 'NAVERPAY',
  PAYCO: 'PAYCO',
  SAMSUNGPAY: 'SAMSUNGPAY',
  APPLEPAY: 'APPLEPAY',
  SSGPAY: 'SSG',
  LPAY: 'LPAY',
  PINPAY: 'PINPAY',
};

const CODES: Record<Exclude<PortOneMethod['type'], 'easyPay'>, TossPaymentMethodCode> = {
  card: 'CARD',
  transfer: 'TRANSFER',
  virtualAccount: 'VIRTUAL_ACCOUNT',
  mobile: 'MOBILE_PHONE',
};

/**
 * The picker's method as the payment window's `method` and, for a named wallet, the card section
 * that opens that wallet's own window (`flowMode: 'DIRECT'` with `easyPay`, as the
 * `CardPaymentRequest.card.easyPay` JSDoc describes). An easy pay without a wallet opens the
 * integrated card/easy-pay window. Throws `INVALID_OPTION` for anything else.
 */
export function toTossPaymentMethod(method: PortOneMethod): { method: TossPaymentMethodCode; easyPay?: string } {
  const type = method && typeof method === 'object' ? method.type : undefined;
  if (type === 'easyPay') {
    if (method.type === 'easyPay' && method.provider === undefined) return { method: 'CARD' };
    const easyPay = method.type === 'easyPay' ? TOSS_EASY_PAY[method.provider!] : undefined;
    if (easyPay) return { method: 'CARD', easyPay };
  } else if (type && type in CODES) {
    return { method: CODES[type as keyof typeof CODES] };
  }
  throw new CheckoutError(
    'INVALID_OPTION',
    __DEV__
      ? `토스페이먼츠 결제창이 열 수 없는 결제수단입니다 (${JSON.stringify(method)}). card, transfer, virtualAccount, mobile, ` +
          `또는 easyPay(provider: ${Object.keys(TOSS_EASY_PAY).join(', ')})를 쓰세요. The Toss payment window cannot open this method: ` +
          `use card, transfer, virtualAccount, mobile, or easyPay with one of ${Object.keys(TOSS_EASY_PAY).join(', ')}.`
      : '',
    { provider: 'toss' },
  );
}

/**
 * The whole `payment.requestPayment()` argument: the order's fields, the amount (the payment window
 * takes it here, unlike the widget), the method, and escrow or a cash receipt in the section of the
 * method that takes them. A cash receipt on a card or phone payment is left out: those sections
 * have no such field, and the vendor would refuse the request.
 */
export function tossPaymentRequest(order: PaymentOrder, money: Money, picked: PortOneMethod, extras: TossPaymentExtras, urls?: RedirectUrls) {
  const { method, easyPay } = toTossPaymentMethod(picked);
  const escrow = extras.escrow
    ? { useEscrow: extras.escrow.useEscrow, ...(extras.escrow.escrowProducts ? { escrowProducts: extras.escrow.escrowProducts } : {}) }
    : {};
  const cashReceipt = extras.cashReceipt ? { cashReceipt: { type: extras.cashReceipt.type } } : {};
  const section =
    method === 'CARD'
      ? easyPay || extras.escrow
        ? { card: { ...(easyPay ? { flowMode: 'DIRECT' as const, easyPay } : {}), ...escrow } }
        : {}
      : method === 'TRANSFER' && (extras.escrow || extras.cashReceipt)
        ? { transfer: { ...escrow, ...cashReceipt } }
        : method === 'VIRTUAL_ACCOUNT' && (extras.escrow || extras.cashReceipt)
          ? { virtualAccount: { ...escrow, ...cashReceipt } }
          : {};
  return {
    method,
    amount: { value: money.value, currency: money.currency },
    ...tossOrderFields(order, urls),
    ...section,
  };
}
