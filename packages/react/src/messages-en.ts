import type { BillingKeyAndPayMessages, CheckoutMessages, IdentityVerificationMessages, Messages, PayPalMessages, RedirectMessages, SharedMessages } from './messages.js';

// Object.assign, not a spread: bundlers drop an unused /* @__PURE__ */ call, but keep an object spread
// (it may run getters), which would put each route's strings in the other's bundle.
const enShared: SharedMessages = {
  amount: (value, currency) => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(value),
  errors: {
    NEED_AGREEMENT_WITH_REQUIRED_TERMS: 'Please agree to the required terms.',
    PAYMENT_REFUNDED: 'The payment could not be confirmed and was refunded automatically.',
  },
  errorFallback: 'Try again, or contact the shop.',
  retry: 'Try again',
};

/** English for the checkout route: `<Checkout messages={enCheckout}>`. */
export const enCheckout: CheckoutMessages = /* @__PURE__ */ Object.assign(
  {
    loadingMethods: 'Loading payment methods…',
    loadingAgreement: 'Loading terms…',
    errorTitle: 'The checkout could not be prepared.',
    pay: (amount: string) => `Pay ${amount}`,
    paying: 'Processing payment…',
    invalidOrder: 'This order cannot be paid: its details are invalid.',
    loadingSdk: 'Loading the payment module…',
    methodLegend: 'Payment method',
    agreeToPay: 'I have checked the order and agree to pay. (required)',
    issueBillingKey: 'Register a payment method',
    issuing: 'Registering…',
    methods: {
      card: 'Credit or debit card',
      easyPay: 'Easy pay',
      transfer: 'Bank transfer',
      virtualAccount: 'Virtual account',
      mobile: 'Mobile phone',
      KAKAOPAY: 'KakaoPay',
      NAVERPAY: 'Naver Pay',
      TOSSPAY: 'Toss Pay',
      PAYCO: 'PAYCO',
      SAMSUNGPAY: 'Samsung Pay',
      APPLEPAY: 'Apple Pay',
      SSGPAY: 'SSGPAY',
      LPAY: 'L.PAY',
      KPAY: 'KPAY',
      SKPAY: 'SK pay',
      PINPAY: 'PINPAY',
      TOSS_BRANDPAY: 'Toss Brandpay',
    },
  },
  enShared,
);

/** English for the result route: `<RedirectResult messages={enRedirect}>`. */
export const enRedirect: RedirectMessages = /* @__PURE__ */ Object.assign(
  {
    redirectIdleTitle: 'There is no payment result here.',
    redirectIdleBody: 'This page opens after a payment. Start the payment from your order page.',
    redirectPendingTitle: 'Checking the payment result…',
    redirectConfirmingTitle: 'Confirming your payment…',
    redirectConfirmingBody: 'Please wait, and keep this page open.',
    redirectInterruptedTitle: 'Confirming the payment was interrupted.',
    redirectInterruptedBody: 'The earlier request never answered. Check again whether the payment went through.',
    redirectCheckAgain: 'Check the payment again',
    redirectSuccessTitle: 'Payment complete.',
    redirectBillingKeyTitle: 'Payment method registered.',
    redirectFailTitle: 'The payment failed.',
    redirectConfirmFailTitle: 'The payment could not be confirmed.',
    redirectCancelTitle: 'The payment was cancelled.',
    redirectCancelBody: 'To pay, try again from your order page.',
    redirectInvalidTitle: 'The payment result cannot be checked.',
    redirectInvalidBody: 'The result address is not valid, so the payment was not confirmed. Pay again from your order page.',
    redirectAmountMismatch: "The paid amount differs from the order's amount, so the payment was not confirmed. Pay again from your order page.",
    redirectOrderId: 'Order number',
    redirectAmount: 'Amount',
    redirectCode: 'Error code',
  },
  enShared,
);

/** English for both routes: `<Checkout messages={en}>`, `<RedirectResult messages={en}>`. A route that names only its own half ships only that half. */
export const en: Messages = /* @__PURE__ */ Object.assign({}, enCheckout, enRedirect);

/** English for `<PayPalButtons messages={enPayPal}>`. */
export const enPayPal: PayPalMessages = {
  loading: 'Loading the PayPal buttons…',
  errorTitle: 'PayPal could not be prepared.',
  errors: {
    INVALID_AMOUNT: 'This order amount cannot be paid with PayPal.',
    UI_CONTAINER_CONFLICT: 'PayPal cannot be offered on this page. Please contact the shop.',
  },
  errorFallback: 'Try again, or contact the shop.',
  retry: 'Try again',
  success: 'PayPal approved the payment. Checking your order…',
  fail: 'The PayPal payment failed. Please try again.',
  cancel: 'You cancelled the PayPal payment.',
};

/** English for `<IdentityVerificationButton messages={enIdentity}>`. */
export const enIdentity: IdentityVerificationMessages = /* @__PURE__ */ Object.assign(
  {
    verifyIdentity: 'Verify your identity',
    verifyingIdentity: 'Verifying…',
    identityVerified: 'Identity verification finished.',
    identityInvalid: 'Identity verification cannot start: its details are invalid.',
  },
  enShared,
);

/** English for `<IdentityVerificationResult messages={enIdentityResult}>`. */
export const enIdentityResult: RedirectMessages = /* @__PURE__ */ Object.assign({}, enRedirect, {
  redirectIdleTitle: 'No identity verification result.',
  redirectIdleBody: 'This page shows the result once you verify your identity. Start from the page that asked for it.',
  redirectPendingTitle: 'Checking the identity verification…',
  redirectConfirmingTitle: 'Checking the identity verification…',
  redirectInterruptedTitle: 'Checking the identity verification was interrupted.',
  redirectInterruptedBody: 'The earlier request never answered. Check again whether the verification went through.',
  redirectCheckAgain: 'Check the verification again',
  redirectSuccessTitle: 'Identity verified.',
  redirectFailTitle: 'The identity verification failed.',
  redirectConfirmFailTitle: 'The identity verification could not be checked.',
  redirectCancelTitle: 'The identity verification was cancelled.',
  redirectCancelBody: 'To verify your identity, try again from the page that asked for it.',
  redirectInvalidTitle: 'The identity verification result cannot be checked.',
  redirectInvalidBody: 'The result address is not valid, so nothing was checked. Start the verification again.',
});

/** English for `<BillingKeyAndPayButton messages={enBillingKeyAndPay}>`. */
export const enBillingKeyAndPay: BillingKeyAndPayMessages = {
  pay: (value, currency) => `Pay ${new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(value)} and subscribe`,
  pending: 'Payment in progress…',
  loading: 'Preparing the payment…',
  errorTitle: 'The payment could not be prepared.',
  errors: {
    SCRIPT_LOAD_FAILED: 'The payment module did not load. Check your connection and try again.',
    SCRIPT_TIMEOUT: 'The payment module is slow to answer. Please try again.',
  },
  errorFallback: 'Try again, or contact the shop.',
  invalidOrder: 'This order cannot be paid as it is. Please contact the shop.',
  retry: 'Try again',
  success: 'The first payment was approved and automatic payments are set up. Checking your order…',
  fail: 'The payment failed. Please try again.',
  cancel: 'You cancelled the payment.',
};

/** English for the Toss billing result route: `<BillingAuthResult messages={enBillingAuth}>`. */
export const enBillingAuth: RedirectMessages = /* @__PURE__ */ Object.assign({}, enRedirect, {
  redirectIdleTitle: 'There is no registration result here.',
  redirectPendingTitle: 'Checking the registration result…',
  redirectConfirmingTitle: 'Registering your payment method…',
  redirectInterruptedTitle: 'Registering the payment method was interrupted.',
  redirectInterruptedBody: 'The earlier request never answered. Check again whether the method was registered.',
  redirectCheckAgain: 'Check the registration again',
  redirectSuccessTitle: 'Payment method registered.',
  redirectFailTitle: 'The payment method could not be registered.',
  redirectConfirmFailTitle: 'The registration could not be completed.',
  redirectCancelTitle: 'The registration was cancelled.',
  redirectCancelBody: 'To register, try again.',
  redirectInvalidTitle: 'The registration result cannot be checked.',
  redirectInvalidBody: 'The result address is not valid, so no payment method was registered. Register again.',
});
