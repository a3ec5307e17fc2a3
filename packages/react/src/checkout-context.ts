import {
  type BillingKeyResult,
  CheckoutError,
  type CheckoutRedirect,
  type CheckoutResult,
  type CheckoutStatus,
  type Currency,
  type PaymentOrder,
  type PortOneBillingKeyIssue,
  type PortOneBillingKeyMethod,
  type PortOneMethod,
  type Provider,
  type TossBillingAuthResult,
  type TossBillingMethod,
} from '@kcheckout/core';
import { createContext, useContext } from 'react';
import type { CheckoutMessages } from './messages.js';
import type { AgreementCheckbox } from './agreement-checkbox.js';
import type { PaymentMethodPicker } from './payment-method-picker.js';

export type { CheckoutRedirect };

/** What <BillingKeyButton> may register: PortOne's billing-key methods, and Toss's (card, transfer). */
export type BillingMethod = PortOneBillingKeyMethod | TossBillingMethod;

/** The Toss widget's containers, for <PaymentMethods> and <Agreement>. */
export interface TossSlots {
  methodsRef: (element: HTMLElement | null) => void;
  agreementRef: (element: HTMLElement | null) => void;
  methodsReady: boolean;
  agreementReady: boolean;
  agreed: boolean | null;
}

/** PortOne and iamport have no widget: <PaymentMethods> renders a picker and <Agreement> a checkbox. */
export interface MethodChoice {
  /** Which vendor, for the picker's default methods (`toss`: the payment window, `<PaymentWindowCheckout>`). */
  provider: Provider;
  /**
   * The radio group <PaymentMethods> renders. The root provides it, so a Toss-only bundle, whose
   * root never imports it, carries none of PortOne's method code.
   */
  Picker: typeof PaymentMethodPicker;
  /** The checkbox <Agreement> renders, provided the same way. */
  Checkbox: typeof AgreementCheckbox;
  /** Throws a `CheckoutError` for a method this vendor cannot request (V1 needs a wallet and `digital`). */
  checkMethod: (method: PortOneMethod) => unknown;
  selected: PortOneMethod | null;
  select: (method: PortOneMethod) => void;
  /** Set by <Agreement> while it is mounted; the button waits for `agreed`. */
  agreementShown: boolean;
  setAgreementShown: (shown: boolean) => void;
  agreed: boolean;
  setAgreed: (agreed: boolean) => void;
}

/**
 * What <Checkout> shares with its parts, the same for every provider, so <CheckoutButton> never
 * needs to know which vendor is behind it.
 */
export interface CheckoutContextValue {
  provider: Provider;
  amount: number;
  currency: Currency;
  messages: CheckoutMessages;
  /** Derived in core (`TossCheckout`, `MethodCheckout`); the parts only render it. */
  state: CheckoutStatus;
  error: CheckoutError | null;
  /** After a load failure, loads again. */
  retry: () => void;
  /** Ready, and nothing left for the buyer to do first (agree to the terms, pick a method). */
  canPay: boolean;
  /**
   * The vendor's redirect rule for <CheckoutButton>'s props (core's `checkTossRedirect` /
   * `checkMethodRedirect`); throws a `CheckoutError`. Each root supplies its own, so a one-vendor
   * bundle carries no other vendor's rule.
   */
  checkRedirect: (redirect: CheckoutRedirect) => void;
  /** Opens the vendor's payment window for the checkout's amount. */
  pay: (order: PaymentOrder, redirect: CheckoutRedirect) => Promise<CheckoutResult>;
  toss?: TossSlots;
  choice?: MethodChoice;
  /**
   * Registers a payment method for subscriptions, behind <BillingKeyButton>: PortOne V2 issues a
   * billing key; Toss (`<TossBillingCheckout>`) opens `requestBillingAuth`, whose result returns on
   * the redirect. Each root checks `method` against its vendor's rules (in core).
   */
  issueBillingKey?: (issue: PortOneBillingKeyIssue, method: BillingMethod, redirect: CheckoutRedirect) => Promise<BillingKeyResult | TossBillingAuthResult>;
  /**
   * The method the picker's choice registers, or `null` for one the vendor cannot (the button then
   * waits). Left out, <BillingKeyButton> applies PortOne's rule (`billingKeyMethodOf`).
   */
  billingMethodOf?: (selected: PortOneMethod | null) => BillingMethod | null;
}

export const CheckoutContext = createContext<CheckoutContextValue | null>(null);

/** Reads the nearest <Checkout>, or says exactly how to fix its absence. */
export function useCheckoutContext(consumer: string): CheckoutContextValue {
  const context = useContext(CheckoutContext);
  if (!context) {
    throw new CheckoutError(
      'MISSING_PROVIDER',
      __DEV__
        ? `<${consumer}>는 <Checkout> 안에서만 쓸 수 있습니다. <Checkout provider="toss" …>(또는 "portone", "iamport")로 결제 영역을 감싸세요. ` +
          `<${consumer}> must be rendered inside <Checkout>: wrap the part of your app that renders it in ` +
          `<Checkout provider="toss" …> (or "portone", "iamport").`
        : '',
    );
  }
  return context;
}
