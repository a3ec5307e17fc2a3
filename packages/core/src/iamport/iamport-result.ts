import type { IamportRequestPayResponse } from './iamport-types.js';
import { vendorFailResult } from '../fail-result.js';
import { isPortOneCancel } from '../portone/portone-cancel.js';
import type { CheckoutResult } from '../types.js';
import type { Money } from '../validation.js';

// Reads an `IMP.request_pay` callback as a kcheckout result: success, cancel or fail.

/**
 * Maps a `request_pay` callback response. `error_code` / `error_msg` decide failure; the
 * deprecated `success` / `imp_success` flags are ignored both ways (they can be `false` for a paid
 * payment, and `v1/iamport.js` no longer sends them). Success needs an `imp_uid`, which your server
 * then looks up: that lookup, not this result, says whether the order is paid.
 */
export function iamportResult(response: unknown, orderId: string, money: Money): CheckoutResult {
  const base = { provider: 'iamport' as const, orderId, amount: money.value, currency: money.currency };
  if (!response || typeof response !== 'object') {
    return {
      status: 'fail',
      ...base,
      code: 'INVALID_RESPONSE',
      message: '아임포트가 결제 결과 없이 응답했습니다. iamport called back without a payment result.',
      raw: response,
    };
  }
  const r = response as Partial<IamportRequestPayResponse>;
  const errorCode = text(r.error_code);
  const errorMsg = text(r.error_msg);
  if (errorCode || errorMsg) {
    const code = errorCode ?? 'UNKNOWN';
    const message = errorMsg ?? code;
    const cancelled = r.status === 'cancelled' || isPortOneCancel({ code, message });
    return { status: cancelled ? 'cancel' : 'fail', ...base, code, message, raw: response };
  }
  if (r.status === 'cancelled') {
    return { status: 'cancel', ...base, code: 'CANCELLED', message: '결제가 취소되었습니다. The payment was cancelled.', raw: response };
  }
  if (r.status === 'failed') {
    return { status: 'fail', ...base, code: 'FAILED', message: '결제에 실패했습니다. The payment failed.', raw: response };
  }
  const impUid = text(r.imp_uid);
  if (!impUid) {
    return {
      status: 'fail',
      ...base,
      code: 'MISSING_IMP_UID',
      message: '결제 결과에 imp_uid가 없습니다. The result carries no imp_uid, so there is no payment to verify.',
      raw: response,
    };
  }
  return { status: 'success', ...base, impUid, raw: response };
}

/** A throw from `IMP.init` or `IMP.request_pay` is a setup error: a `fail` carrying a `VENDOR_ERROR`. */
export function iamportRejection(error: unknown, orderId: string, money: Money): CheckoutResult {
  return vendorFailResult('iamport', error, orderId, money);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
