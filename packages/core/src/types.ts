import type { CheckoutError, Provider } from './errors.js';
import type { PortOneEasyPayProvider } from './payment-methods.js';
import type { Currency } from './validation.js';

/** What the buyer is paying for. The amount comes from the checkout, never from here. */
export interface PaymentOrder {
  /** 6–64 characters of `A–Z a–z 0–9 - _`. Create it on your server with the order, or with `createOrderId()`. */
  orderId: string;
  /** Shown in the payment window, e.g. `생수 외 1건`. At most 100 characters. */
  orderName: string;
  customerName?: string;
  customerEmail?: string;
  /** Digits only, 8–15 characters. */
  customerMobilePhone?: string;
}

/** Redirect mode: the vendor leaves the page and returns to one of these absolute URLs. */
export interface RedirectUrls {
  successUrl: string;
  failUrl: string;
}

interface ResultBase {
  provider: Provider;
  orderId: string;
  amount: number;
  currency: Currency;
}

/**
 * What every driver's payment request settles to. `success` means the vendor authorised the
 * payment; it is not paid until your server confirms it (Toss) or verifies it (PortOne).
 */
export type CheckoutResult =
  | (ResultBase & {
      status: 'success';
      /** Toss: send it with orderId and amount to your server's confirm call. */
      paymentKey?: string;
      /** Toss: NORMAL | BRANDPAY | KEYIN. */
      paymentType?: string;
      paymentId?: string;
      txId?: string;
      impUid?: string;
      raw: unknown;
    })
  /** The vendor is taking the buyer to `successUrl` / `failUrl`; the result arrives on that page. */
  | (ResultBase & { status: 'redirecting' })
  | (ResultBase & { status: 'cancel'; code: string; message: string; raw: unknown })
  | (ResultBase & { status: 'fail'; code: string; message: string; raw: unknown; error?: CheckoutError });

// PortOne V2's request shapes that core's public signatures mention, spelled out here instead of
// imported from @portone/browser-sdk: a declaration that imports the vendor's types makes every app
// (a Toss-only one too) type-check the vendor's own .d.ts files under `skipLibCheck: false`, and
// those report errors of their own. The driver still hands these to the vendor's typed functions,
// so tsc checks that they stay assignable.

/** One device's payment window in PortOne V2 (`WindowType`). */
export type PortOneWindowType = 'IFRAME' | 'POPUP' | 'REDIRECTION' | 'UI';

/** PortOne V2's `windowType`: the payment window per device; PG contracts support different ones. */
export interface PortOneWindowTypes {
  pc?: PortOneWindowType | undefined;
  mobile?: PortOneWindowType | undefined;
}

/** The `payMethod` part of a PortOne V2 `requestPayment` call, as `toPortOnePayMethod` builds it. */
export interface PortOnePayMethodFields {
  payMethod: 'CARD' | 'EASY_PAY' | 'TRANSFER' | 'VIRTUAL_ACCOUNT' | 'MOBILE';
  easyPay?: { easyPayProvider: PortOneEasyPayProvider };
  productType?: 'DIGITAL' | 'REAL';
}

/** The `billingKeyMethod` part of a PortOne V2 `requestIssueBillingKey` call. */
export interface PortOneBillingKeyMethodFields {
  billingKeyMethod: 'CARD' | 'EASY_PAY' | 'MOBILE';
  easyPay?: { easyPayProvider: PortOneEasyPayProvider };
  productType?: 'DIGITAL' | 'REAL';
}
