import type { CheckoutError, Provider } from './errors.js';
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
