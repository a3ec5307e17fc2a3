import type { ParsedRedirect } from '../redirect/parsed-redirect.js';

// Redirect queries shaped like the ones in shared/research/toss.md §3 and portone.md §2–3, with what
// each reads as: the table parse-redirect.test.ts checks row by row, and parse-vendor-redirect.test.ts
// runs every one-vendor parser over.

export const tossOrderId = 'FHNHzc9nNHQjfa9_tiG6y';
export const paymentKey = 'tviva2023111820545503n42';
export const portonePaymentId = 'payment-39ecfa97';
export const txId = '0190e6a1-1b2c-7d3e-8f40-5a6b7c8d9e0f';
export const billingKey = 'billing-key-0190e6a1-aaaa-7bbb-8ccc-dddddddddddd';
export const impUid = 'imp_123456789012';
export const merchantUid = 'mid_123467890';

export const enc = encodeURIComponent;
const cancelled = '결제가 취소되었습니다.';
const rejected = '카드사에서 결제를 거절했습니다.';

/** A row: what the query is, the query, and the fields the result has (its `provider` aside). */
export type RedirectExample = [name: string, query: string, expected: Partial<ParsedRedirect>];

export const tossExamples: RedirectExample[] = [
  [
    'a v1/v2 widget success',
    `http://localhost:3000/order/payment/success?paymentType=NORMAL&orderId=${tossOrderId}&paymentKey=${paymentKey}&amount=50000`,
    { status: 'success', orderId: tossOrderId, paymentKey, paymentType: 'NORMAL', amount: 50000, extra: {} },
  ],
  [
    'a v2 payment-window success, which has no paymentType',
    `https://shop.example/success?orderId=${tossOrderId}&paymentKey=${paymentKey}&amount=100`,
    { status: 'success', orderId: tossOrderId, paymentKey, amount: 100, extra: {} },
  ],
  [
    "a brandpay success with the shop's own customerKey before Toss's keys",
    `https://shop.example/brandpay/success?customerKey=cust_8f2a&paymentType=BRANDPAY&orderId=${tossOrderId}&paymentKey=${paymentKey}&amount=15000`,
    { status: 'success', paymentType: 'BRANDPAY', amount: 15000, extra: { customerKey: 'cust_8f2a' } },
  ],
  [
    'a card refusal with a percent-encoded Korean message',
    `/fail?code=REJECT_CARD_COMPANY&message=${enc(rejected)}&orderId=${tossOrderId}`,
    { status: 'fail', code: 'REJECT_CARD_COMPANY', message: rejected, orderId: tossOrderId, extra: {} },
  ],
  [
    'PAY_PROCESS_CANCELED without orderId',
    `/fail?code=PAY_PROCESS_CANCELED&message=${enc(cancelled)}`,
    { status: 'cancel', code: 'PAY_PROCESS_CANCELED', message: cancelled, extra: {} },
  ],
  [
    'USER_CANCEL',
    `/fail?code=USER_CANCEL&message=${enc('사용자가 결제를 취소했습니다.')}&orderId=${tossOrderId}`,
    { status: 'cancel', code: 'USER_CANCEL', orderId: tossOrderId },
  ],
  [
    'a message with + for spaces',
    `/fail?code=EXCEED_MAX_DAILY_PAYMENT_COUNT&message=%ED%95%98%EB%A3%A8+%EA%B2%B0%EC%A0%9C+%ED%95%9C%EB%8F%84+%EC%B4%88%EA%B3%BC&orderId=${tossOrderId}`,
    { status: 'fail', message: '하루 결제 한도 초과' },
  ],
];

export const portoneExamples: RedirectExample[] = [
  [
    'a payment success with txId and transactionType',
    `https://shop.example/payment/redirect?paymentId=${portonePaymentId}&transactionType=PAYMENT&txId=${txId}`,
    { status: 'success', orderId: portonePaymentId, paymentId: portonePaymentId, txId, transactionType: 'PAYMENT', extra: {} },
  ],
  [
    "the docs' minimal success (paymentId only)",
    `https://example.com/payment-redirect?paymentId=${portonePaymentId}`,
    { status: 'success', paymentId: portonePaymentId, orderId: portonePaymentId },
  ],
  [
    'the older snake_case keys',
    `https://my-redirect-url.com/payments/redirect?tx_id=${txId}&payment_id=${portonePaymentId}`,
    { status: 'success', paymentId: portonePaymentId, txId },
  ],
  [
    'a billing-key issue',
    `https://shop.example/billing/redirect?billingKey=${billingKey}&transactionType=ISSUE_BILLING_KEY`,
    { status: 'success', billingKey, transactionType: 'ISSUE_BILLING_KEY', extra: {} },
  ],
  [
    'a PG failure with its own code and message',
    `?paymentId=${portonePaymentId}&transactionType=PAYMENT&txId=${txId}&code=FAILURE_TYPE_PG&message=${enc(`[PG] ${rejected}`)}` +
      `&pgCode=8326&pgMessage=${enc('한도초과')}`,
    { status: 'fail', code: 'FAILURE_TYPE_PG', message: `[PG] ${rejected}`, pgCode: '8326', pgMessage: '한도초과', paymentId: portonePaymentId },
  ],
  [
    "a buyer's cancel reported under a generic code",
    `?paymentId=${portonePaymentId}&code=FAILURE_TYPE_PG&message=${enc('사용자가 결제를 취소하였습니다.')}`,
    { status: 'cancel', code: 'FAILURE_TYPE_PG' },
  ],
  [
    'a cancel through the Toss channel',
    `?paymentId=${portonePaymentId}&code=FAILURE_TYPE_PG&pgCode=PAY_PROCESS_CANCELED&message=x`,
    { status: 'cancel', pgCode: 'PAY_PROCESS_CANCELED' },
  ],
  [
    "the shop's own parameters in redirectUrl, including an orderId of its own",
    `https://shop.example/payment/redirect?orderId=ord_1234&tab=receipt&paymentId=${portonePaymentId}&txId=${txId}`,
    { status: 'success', orderId: portonePaymentId, extra: { orderId: 'ord_1234', tab: 'receipt' } },
  ],
];

/** iamport V1 (`m_redirect_url`). */
export const iamportExamples: RedirectExample[] = [
  [
    "the current docs' success",
    `https://myservice.com/payments/complete?imp_uid=${impUid}&merchant_uid=${merchantUid}`,
    { status: 'success', impUid, orderId: merchantUid, extra: {} },
  ],
  [
    'an older success with imp_success=true',
    `https://myservice.com/payments/complete?imp_success=true&imp_uid=${impUid}&merchant_uid=${merchantUid}`,
    { status: 'success', impUid, orderId: merchantUid, extra: {} },
  ],
  [
    'a success with imp_success=false (the flag is deprecated and can be false for a paid payment)',
    `?imp_uid=${impUid}&merchant_uid=${merchantUid}&imp_success=false`,
    { status: 'success', impUid },
  ],
  [
    'a failure whose deprecated flag still says true',
    `?imp_uid=${impUid}&merchant_uid=${merchantUid}&imp_success=true&error_code=F0005&error_msg=${enc(rejected)}`,
    { status: 'fail', code: 'F0005', message: rejected, impUid, orderId: merchantUid },
  ],
  [
    'a failure with success=true (the certification spelling)',
    `?imp_uid=${impUid}&merchant_uid=${merchantUid}&success=true&error_msg=${enc('잔액 부족')}`,
    { status: 'fail', message: '잔액 부족' },
  ],
  [
    "a buyer's cancel ([결제포기]) with + for spaces",
    `?imp_uid=${impUid}&merchant_uid=${merchantUid}&imp_success=false&error_msg=%5B%EA%B2%B0%EC%A0%9C%ED%8F%AC%EA%B8%B0%5D+%EC%82%AC%EC%9A%A9%EC%9E%90%EA%B0%80+%EA%B2%B0%EC%A0%9C%EB%A5%BC+%EC%B7%A8%EC%86%8C%ED%95%98%EC%85%A8%EC%8A%B5%EB%8B%88%EB%8B%A4`,
    { status: 'cancel', message: '[결제포기] 사용자가 결제를 취소하셨습니다' },
  ],
  [
    'a failure before the window opened, with imp_uid serialised as the text null',
    `?imp_uid=null&merchant_uid=${merchantUid}&error_code=F400&error_msg=${enc('이미 결제된 merchant_uid입니다')}`,
    { status: 'fail', code: 'F400', orderId: merchantUid },
  ],
  [
    'a success from a wrapper that serialises the missing error as null',
    `?imp_uid=${impUid}&merchant_uid=${merchantUid}&error_code=null&error_msg=null`,
    { status: 'success', impUid },
  ],
  [
    "the shop's own parameters",
    `https://myservice.com/payments/complete?from=cart&imp_uid=${impUid}&merchant_uid=${merchantUid}`,
    { status: 'success', extra: { from: 'cart' } },
  ],
];
