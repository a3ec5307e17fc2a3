import type { TossPaymentsSDK, TossPaymentsWidgets } from '@tosspayments/tosspayments-sdk';
import { vendorError } from '../errors.js';
import { tossRejection } from './toss-result.js';
import { loadTossGlobal, type TossDriverOptions, type TossWidgetDriver, tossOrderFields } from './toss-widget-driver.js';

type WidgetRequest = Parameters<TossPaymentsWidgets['requestPayment']>[0];

/**
 * Toss Payments SDK v2 (`loadTossPayments(...).widgets({ customerKey })`).
 *
 * Our loader installs `window.TossPayments` (one tag, retries, timeout, nonce), and we call it with
 * the client key, as `loadTossPayments` would; the package's types stay the source of truth.
 */
export async function createTossWidgetV2(options: TossDriverOptions): Promise<TossWidgetDriver> {
  const TossPayments = await loadTossGlobal<(clientKey: string) => TossPaymentsSDK>('toss-v2', options);

  let widgets: TossPaymentsWidgets;
  try {
    const tossPayments = TossPayments(options.clientKey);
    widgets = tossPayments.widgets({ customerKey: options.customerKey });
  } catch (error) {
    throw vendorError('toss', error);
  }

  return {
    sdk: 'v2',
    async setAmount(money) {
      // A fresh object each time: the official sample's coupon bug (057bd05) came from re-passing one.
      await widgets.setAmount({ value: money.value, currency: money.currency }).catch(rethrow);
    },
    async renderPaymentMethods(selector, _money, variantKey, events) {
      const widget = await widgets
        .renderPaymentMethods({ selector, ...(variantKey ? { variantKey } : {}) })
        .catch(rethrow);
      widget.on('paymentMethodSelect', (method) => events.onMethodChange?.(method.code));
      return { destroy: () => widget.destroy() };
    },
    async renderAgreement(selector, variantKey, events) {
      const widget = await widgets.renderAgreement({ selector, ...(variantKey ? { variantKey } : {}) }).catch(rethrow);
      widget.on('agreementStatusChange', (status) => events.onAgreementChange?.(status.agreedRequiredTerms));
      // v2 has no getter for the current status; it is known only once the widget reports a change.
      return { agreed: null, destroy: () => widget.destroy() };
    },
    async requestPayment(order, money, urls) {
      const request: WidgetRequest = tossOrderFields(order, urls) as WidgetRequest;
      const base = { provider: 'toss' as const, orderId: order.orderId, amount: money.value, currency: money.currency };
      try {
        const result = (await widgets.requestPayment(request)) as unknown;
        if (urls || !result) return { status: 'redirecting', ...base };
        const paid = result as { paymentKey: string; orderId: string; paymentType?: string; amount: { value: number } };
        return {
          status: 'success',
          ...base,
          orderId: paid.orderId,
          amount: paid.amount.value,
          paymentKey: paid.paymentKey,
          ...(paid.paymentType ? { paymentType: paid.paymentType } : {}),
          raw: result,
        };
      } catch (error) {
        return tossRejection(error, order.orderId, money);
      }
    },
  };
}

function rethrow(error: unknown): never {
  throw vendorError('toss', error);
}
