import { describe, expect, it } from 'vitest';
import { parseRedirect } from '../redirect/parse-redirect.js';
import { parseTossRedirect } from './parse-toss-redirect.js';

// The payment window's success URL carries amount, orderId and paymentKey, without the widget's
// paymentType (`WithRedirection` JSDoc, @tosspayments/tosspayments-sdk 2.8.1); its failUrl is the widget's.
const success = '?orderId=order_12345&paymentKey=tsbx0123456789abcdefghijklmn&amount=39000&cart=7';

describe('given a Toss payment-window redirect', () => {
  it('reads a success without paymentType, the shop parameters kept apart', () => {
    expect(parseTossRedirect(success)).toEqual({
      provider: 'toss',
      status: 'success',
      orderId: 'order_12345',
      paymentKey: 'tsbx0123456789abcdefghijklmn',
      amount: 39000,
      extra: { cart: '7' },
    });
  });

  it('is detected as Toss by the all-vendor parser', () => {
    expect(parseRedirect(success)).toMatchObject({ provider: 'toss', status: 'success', amount: 39000 });
  });

  it('reads PAY_PROCESS_CANCELED as a cancel', () => {
    expect(parseTossRedirect('?code=PAY_PROCESS_CANCELED&message=%EC%B7%A8%EC%86%8C&orderId=order_12345')).toMatchObject({ status: 'cancel', code: 'PAY_PROCESS_CANCELED' });
  });
});
