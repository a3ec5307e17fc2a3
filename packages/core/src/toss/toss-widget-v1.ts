import type { PaymentWidgetInstance } from '@tosspayments/payment-widget-sdk';
import { CheckoutError, vendorError } from '../errors.js';
import { tossRejection } from './toss-result.js';
import { loadTossGlobal, type TossDriverOptions, type TossWidgetDriver, tossOrderFields } from './toss-widget-driver.js';

type MethodsWidget = ReturnType<PaymentWidgetInstance['renderPaymentMethods']>;
type PaymentInfo = Parameters<PaymentWidgetInstance['requestPayment']>[0];

/**
 * Toss payment widget SDK v1 (`window.PaymentWidget`, what `loadPaymentWidget` wraps). Frozen by Toss, still in many shops.
 *
 * Differences from v2 that shape this file: render is synchronous and readiness comes from the
 * `'ready'` event; the amount goes to render and later to `updateAmount`; there is no `destroy`.
 */
export async function createTossWidgetV1(options: TossDriverOptions): Promise<TossWidgetDriver> {
  const PaymentWidget = await loadTossGlobal<(clientKey: string, customerKey: string) => PaymentWidgetInstance>('toss-v1', options);

  let widget: PaymentWidgetInstance;
  try {
    // What `loadPaymentWidget` calls once the global exists.
    widget = PaymentWidget(options.clientKey, options.customerKey);
  } catch (error) {
    throw vendorError('toss', error);
  }
  let methods: MethodsWidget | null = null;
  const readyTimeoutMs = options.timeoutMs ?? 10_000;

  return {
    sdk: 'v1',
    async setAmount(money) {
      // Before the first render the amount travels with renderPaymentMethods instead.
      if (!methods) return;
      try {
        methods.updateAmount(money.value);
      } catch (error) {
        throw vendorError('toss', error);
      }
    },
    // v1 reports no standard method selection (only Pro-plan custom methods), so `events` goes unused.
    async renderPaymentMethods(selector, money, variantKey) {
      let rendered: MethodsWidget;
      try {
        rendered = widget.renderPaymentMethods(
          selector,
          { value: money.value, currency: money.currency },
          variantKey ? { variantKey } : undefined,
        );
      } catch (error) {
        throw vendorError('toss', error);
      }
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new CheckoutError(
                'VENDOR_ERROR',
                __DEV__
                  ? `결제수단 위젯이 ${readyTimeoutMs}ms 안에 준비되지 않았습니다. 새로고침 후 다시 시도하세요. ` +
                    `The payment methods widget was not ready within ${readyTimeoutMs} ms; retry.`
                  : '',
                { provider: 'toss', vendorCode: 'WIDGET_NOT_READY' },
              ),
            ),
          readyTimeoutMs,
        );
        rendered.on('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      methods = rendered;
      return {
        // v1 has no destroy; React removing the container frees the page's one widget slot.
        destroy: async () => {
          if (methods === rendered) methods = null;
        },
      };
    },
    async renderAgreement(selector, variantKey, events) {
      try {
        const agreement = widget.renderAgreement(selector, variantKey ? { variantKey } : undefined);
        // The event name is not in v1's types; 'change' is what integrations use (see the README).
        agreement.on('change', (status) => events.onAgreementChange?.(status.agreedRequiredTerms));
        return { agreed: agreement.getAgreementStatus().agreedRequiredTerms, destroy: async () => {} };
      } catch (error) {
        throw vendorError('toss', error);
      }
    },
    async requestPayment(order, money, urls) {
      const info = tossOrderFields(order, urls) satisfies PaymentInfo;
      const base = { provider: 'toss' as const, orderId: order.orderId, amount: money.value, currency: money.currency };
      try {
        const result = await widget.requestPayment(info);
        if (urls || !result) return { status: 'redirecting', ...base };
        return {
          status: 'success',
          ...base,
          orderId: result.orderId,
          amount: result.amount,
          paymentKey: result.paymentKey,
          paymentType: result.paymentType,
          raw: result,
        };
      } catch (error) {
        return tossRejection(error, order.orderId, money);
      }
    },
  };
}
