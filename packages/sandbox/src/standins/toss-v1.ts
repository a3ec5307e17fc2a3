/**
 * Offline stand-in for the Toss payment widget SDK v1 script
 * (`https://js.tosspayments.com/v1/payment-widget`, global `PaymentWidget`). v1 differs from v2 in
 * the ways that shape this file: render is synchronous and readiness comes from the `ready` event;
 * the amount goes to render and later to `updateAmount`; there is no `destroy`, so a UI's page slot
 * is free again only once its container has left the document. Built into dist/scripts/toss-v1.js.
 */
import { claimSlot, control, latency, noteScript, record, slotTaken } from './shared/control.js';
import { notify } from './shared/listeners.js';
import { Transactions } from './shared/transactions.js';
import { checkAllowed } from './toss/allow-lists.js';
import { renderAgreementUi, TOSS_TERM, type AgreementUi } from './toss/agreement-ui.js';
import { checkVariantKey, findContainer } from './toss/container.js';
import { tossError } from './toss/errors.js';
import { checkListener, CUSTOM_METHOD_EVENTS } from './toss/events.js';
import { ANONYMOUS, checkClientKey, checkCustomerKey, checkWidgetKey } from './toss/keys.js';
import { readMoney, type TossMoney } from './toss/money.js';
import { readPaymentRequest, runPayment } from './toss/payment-request.js';
import { renderPaymentMethodsUi, type PaymentMethodsUi } from './toss/payment-methods-ui.js';

const SDK = 'toss-v1';
const METHODS_SLOT = `${SDK}:payment-methods`;
const AGREEMENT_SLOT = `${SDK}:agreement`;
const UPDATE_REASON = { COUPON: 'COUPON', POINT: 'POINT' };

interface MethodsEntry {
  ui: PaymentMethodsUi;
  container: HTMLElement;
  money: TossMoney;
  ready: boolean;
}

interface AgreementEntry {
  ui: AgreementUi;
  container: HTMLElement;
}

function PaymentWidget(clientKey: unknown, customerKey: unknown, _options?: unknown) {
  record(SDK, 'PaymentWidget', arguments);
  checkClientKey(clientKey);
  checkWidgetKey(clientKey);
  checkCustomerKey(customerKey);
  return createPaymentWidget();
}

/** v1 takes `{ value, currency? }` or a bare number; the currency defaults to KRW. */
function readAmount(amount: unknown): TossMoney {
  if (typeof amount === 'number') return readMoney(amount, 'KRW');
  if (!amount || typeof amount !== 'object') {
    throw tossError('INVALID_AMOUNT_VALUE', `the amount must be a number or { value, currency? }, got ${String(amount)}`);
  }
  checkAllowed('v1.amount', amount);
  const { value, currency = 'KRW' } = amount as { value?: unknown; currency?: unknown };
  return readMoney(value, currency);
}

function createPaymentWidget() {
  const transactions = new Transactions();
  let methods: MethodsEntry | null = null;
  let agreement: AgreementEntry | null = null;

  const ensureIdle = (method: string, exclusive = false) => {
    const blocker = transactions.blocker(method, { exclusive });
    if (blocker) throw tossError('INVALID_METHOD_TRANSACTION', `${method}() was called while the payment window is open`);
  };

  return {
    renderPaymentMethods(selector: unknown, amount: unknown, options?: unknown) {
      record(SDK, 'renderPaymentMethods', arguments);
      ensureIdle('renderPaymentMethods');
      const money = readAmount(amount);
      checkVariantKey(options);
      const container = findContainer(selector);
      if (slotTaken(METHODS_SLOT)) {
        throw tossError(
          'PAYMENT_METHODS_WIDGET_ALREADY_RENDERED',
          'already rendered: v1 has no destroy(), so remove the previous container from the page before rendering again',
        );
      }
      claimSlot(METHODS_SLOT, container, () => container.isConnected);
      const ui = renderPaymentMethodsUi(container, SDK, money);
      const entry: MethodsEntry = { ui, container, money, ready: false };
      methods = entry;

      const readyCallbacks = new Set<() => unknown>();
      void latency().then(() => {
        // A widget whose container left the page never finishes loading, as an orphaned iframe would not.
        if (!ui.root.isConnected) return;
        entry.ready = true;
        for (const callback of readyCallbacks) notify(callback);
        readyCallbacks.clear();
      });

      return {
        UPDATE_REASON,
        updateAmount(value: unknown, reason?: unknown): void {
          record(SDK, 'paymentMethodsWidget.updateAmount', arguments);
          ensureIdle('updateAmount');
          if (reason !== undefined && typeof reason !== 'string' && !(Array.isArray(reason) && reason.every((item) => typeof item === 'string'))) {
            throw tossError('INVALID_PARAMETERS', 'the update reason must be a string or an array of strings, e.g. UPDATE_REASON.COUPON');
          }
          entry.money = readMoney(value, entry.money.currency);
          ui.setMoney(entry.money);
        },
        on(eventName: unknown, callback: unknown): void {
          record(SDK, 'paymentMethodsWidget.on', arguments);
          checkListener(eventName, callback, ['ready'], CUSTOM_METHOD_EVENTS);
          if (eventName !== 'ready') return;
          const listener = callback as () => unknown;
          // Registered after the event: call it anyway, once and asynchronously, so a late
          // subscriber does not wait forever.
          if (entry.ready) setTimeout(() => notify(listener), 0);
          else readyCallbacks.add(listener);
        },
        getSelectedPaymentMethod() {
          record(SDK, 'paymentMethodsWidget.getSelectedPaymentMethod', arguments);
          const { v1 } = ui.selected();
          return { type: 'NORMAL' as const, method: v1.method, ...(v1.easyPay ? { easyPay: { ...v1.easyPay } } : {}) };
        },
      };
    },

    renderAgreement(selector: unknown, options?: unknown) {
      record(SDK, 'renderAgreement', arguments);
      ensureIdle('renderAgreement');
      checkVariantKey(options);
      const container = findContainer(selector);
      if (slotTaken(AGREEMENT_SLOT)) {
        throw tossError(
          'AGREEMENT_WIDGET_ALREADY_RENDERED',
          'already rendered: v1 has no destroy(), so remove the previous container from the page before rendering again',
        );
      }
      claimSlot(AGREEMENT_SLOT, container, () => container.isConnected);
      const ui = renderAgreementUi(container, SDK, { ticked: control().agreementStartsTicked === true });
      agreement = { ui, container };
      const status = () => ({
        agreedRequiredTerms: ui.agreed(),
        terms: [{ id: TOSS_TERM.id, agreed: ui.agreed(), required: TOSS_TERM.required, title: TOSS_TERM.title, content: TOSS_TERM.content }],
      });

      return {
        // v1 types the event name as any string; 'change' is what integrations use (unverified in
        // the docs), so other names are accepted and never fire.
        on(eventName: unknown, callback: unknown): void {
          record(SDK, 'agreementWidget.on', arguments);
          checkListener(eventName, callback, ['change'], typeof eventName === 'string' ? [eventName] : []);
          if (eventName !== 'change') return;
          const listener = callback as (value: unknown) => unknown;
          ui.onChange(() => notify(listener, status()));
          // As v2: reporting at render is unverified, so only with the switch on (README).
          if (control().agreementEmitsAtRender === true) setTimeout(() => container.isConnected && notify(listener, status()), 0);
        },
        getAgreementStatus() {
          record(SDK, 'agreementWidget.getAgreementStatus', arguments);
          return status();
        },
      };
    },

    async requestPayment(info: unknown): Promise<unknown> {
      record(SDK, 'requestPayment', arguments);
      ensureIdle('requestPayment', true);
      if (methods && !methods.ready && methods.container.isConnected) {
        throw tossError('INVALID_METHOD_TRANSACTION', "requestPayment() was called before the payment methods widget's 'ready' event");
      }
      const request = readPaymentRequest(info, 'v1.requestPayment');
      const liveMethods = methods && methods.container.isConnected ? methods : null;
      if (!liveMethods) throw tossError('NOT_SELECTED_PAYMENT_METHOD', 'render the payment methods widget (renderPaymentMethods) before requestPayment()');
      if (agreement && agreement.container.isConnected && !agreement.ui.agreed()) {
        throw tossError('NEED_AGREEMENT_WITH_REQUIRED_TERMS', 'the buyer has not ticked the required terms');
      }
      const end = transactions.begin('requestPayment', { exclusive: true });
      try {
        return await runPayment({
          sdk: SDK,
          request,
          money: liveMethods.money,
          method: liveMethods.ui.selected(),
          resultAmount: (money) => money.value,
          release: end,
        });
      } finally {
        end();
      }
    },
  };
}

control();
noteScript(SDK);
(window as unknown as { PaymentWidget: unknown }).PaymentWidget = Object.assign(PaymentWidget, {
  ANONYMOUS,
  version: '0.0.0-kcheckout-sandbox',
});
