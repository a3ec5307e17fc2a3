/**
 * Offline stand-in for the Toss Payments SDK v2 script (`https://js.tosspayments.com/v2/standard`,
 * global `TossPayments`), emulating `TossPayments(clientKey).widgets({ customerKey })` and
 * `.payment({ customerKey })` (the payment window) with the vendor's documented rules. Built into
 * one self-contained IIFE: dist/scripts/toss-v2.js.
 */
import { claimSlot, control, latency, noteScript, record, releaseSlot, slotTaken } from './shared/control.js';
import { notify } from './shared/listeners.js';
import { Transactions } from './shared/transactions.js';
import { checkAllowed } from './toss/allow-lists.js';
import { renderAgreementUi, TOSS_TERM, type AgreementUi } from './toss/agreement-ui.js';
import { checkVariantKey, findContainer } from './toss/container.js';
import { tossError } from './toss/errors.js';
import { checkListener, CUSTOM_METHOD_EVENTS } from './toss/events.js';
import { ANONYMOUS, checkClientKey, checkCustomerKey, checkWidgetKey } from './toss/keys.js';
import { readMoney, type TossMoney } from './toss/money.js';
import { createPayment } from './toss/payment-object.js';
import { readPaymentRequest, runPayment } from './toss/payment-request.js';
import { renderPaymentMethodsUi, type PaymentMethodsUi } from './toss/payment-methods-ui.js';

const SDK = 'toss-v2';
// One payment-methods UI and one agreement UI per page ("한 페이지에서 두 개의 결제 UI를 렌더링할 수 없어요").
const METHODS_SLOT = `${SDK}:payment-methods`;
const AGREEMENT_SLOT = `${SDK}:agreement`;

function TossPayments(clientKey: unknown) {
  record(SDK, 'TossPayments', arguments);
  checkClientKey(clientKey);
  return {
    widgets(params?: { customerKey?: unknown }) {
      record(SDK, 'widgets', arguments);
      checkWidgetKey(clientKey);
      checkCustomerKey(params && typeof params === 'object' ? params.customerKey : undefined);
      return createWidgets();
    },
    payment(params?: unknown) {
      record(SDK, 'payment', arguments);
      return createPayment(clientKey, params);
    },
    brandpay() {
      record(SDK, 'brandpay', arguments);
      throw unsupported('brandpay');
    },
  };
}

function unsupported(method: string): Error {
  return new Error(
    `The kcheckout sandbox emulates widgets() and payment() only; ${method}() is not available offline. ` +
      `Use tossPayments.widgets({ customerKey }) or payment({ customerKey }), or load the real Toss SDK for ${method}().`,
  );
}

function createWidgets() {
  const transactions = new Transactions();
  let amount: TossMoney | null = null;
  let methods: { ui: PaymentMethodsUi } | null = null;
  let agreement: { ui: AgreementUi } | null = null;

  const ensureIdle = (method: string, exclusive = false) => {
    const blocker = transactions.blocker(method, { exclusive });
    if (blocker) {
      throw tossError(
        'INVALID_METHOD_TRANSACTION',
        blocker === 'requestPayment'
          ? `${method}() was called while the payment window is open`
          : `${method}() was called while ${blocker}() is still in progress: await it first`,
      );
    }
  };

  const selectorOf = (method: string, params: unknown): unknown => {
    if (!params || typeof params !== 'object') throw tossError('INVALID_PARAMETERS', `${method} takes an object: { selector, variantKey? }`);
    checkVariantKey(params, 'v2.render');
    return (params as { selector?: unknown }).selector;
  };

  return {
    async setAmount(money: unknown): Promise<void> {
      record(SDK, 'setAmount', arguments);
      ensureIdle('setAmount');
      if (!money || typeof money !== 'object') throw tossError('INVALID_PARAMETERS', "setAmount takes an object: { value, currency: 'KRW' }");
      checkAllowed('v2.setAmount', money);
      const { value, currency } = money as { value?: unknown; currency?: unknown };
      const next = readMoney(value, currency);
      const end = transactions.begin('setAmount');
      try {
        await latency();
      } finally {
        end();
      }
      amount = next;
      methods?.ui.setMoney(next);
    },

    async renderPaymentMethods(params: unknown) {
      record(SDK, 'renderPaymentMethods', arguments);
      ensureIdle('renderPaymentMethods');
      const selector = selectorOf('renderPaymentMethods', params);
      if (!amount) throw tossError('NOT_SETUP_AMOUNT', 'await widgets.setAmount({ value, currency }) before renderPaymentMethods()');
      const container = findContainer(selector);
      if (slotTaken(METHODS_SLOT)) {
        throw tossError('PAYMENT_METHODS_WIDGET_ALREADY_RENDERED', 'already rendered: call destroy() on the previous payment methods widget first');
      }
      const owner = {};
      let destroyed = false;
      claimSlot(METHODS_SLOT, owner, () => !destroyed);
      const end = transactions.begin('renderPaymentMethods');
      try {
        await latency();
      } finally {
        end();
      }
      const ui = renderPaymentMethodsUi(container, SDK, amount);
      const entry = { ui };
      methods = entry;

      const alive = (method: string) => {
        if (destroyed) throw tossError('UNKNOWN', `${method}() was called on a destroyed payment methods widget: render a new one`, '이미 제거된 위젯입니다.');
      };
      return {
        on(eventName: unknown, callback: unknown): void {
          record(SDK, 'paymentMethodsWidget.on', arguments);
          alive('on');
          checkListener(eventName, callback, ['paymentMethodSelect'], CUSTOM_METHOD_EVENTS);
          if (eventName === 'paymentMethodSelect') ui.onSelect((method) => notify(callback as (value: unknown) => unknown, { code: method.code }));
        },
        async getSelectedPaymentMethod(): Promise<{ code: string }> {
          record(SDK, 'paymentMethodsWidget.getSelectedPaymentMethod', arguments);
          alive('getSelectedPaymentMethod');
          return { code: ui.selected().code };
        },
        async destroy(): Promise<void> {
          record(SDK, 'paymentMethodsWidget.destroy', arguments);
          alive('destroy');
          destroyed = true;
          ui.remove();
          releaseSlot(METHODS_SLOT, owner);
          if (methods === entry) methods = null;
        },
      };
    },

    async renderAgreement(params: unknown) {
      record(SDK, 'renderAgreement', arguments);
      ensureIdle('renderAgreement');
      const container = findContainer(selectorOf('renderAgreement', params));
      if (slotTaken(AGREEMENT_SLOT)) {
        throw tossError('AGREEMENT_WIDGET_ALREADY_RENDERED', 'already rendered: call destroy() on the previous agreement widget first');
      }
      const owner = {};
      let destroyed = false;
      claimSlot(AGREEMENT_SLOT, owner, () => !destroyed);
      const end = transactions.begin('renderAgreement');
      try {
        await latency();
      } finally {
        end();
      }
      const ui = renderAgreementUi(container, SDK, { ticked: control().agreementStartsTicked === true });
      const entry = { ui };
      agreement = entry;
      const status = () => ({
        agreedRequiredTerms: ui.agreed(),
        agreements: [{ term: { id: TOSS_TERM.id, required: TOSS_TERM.required }, agreed: ui.agreed() }],
      });

      const alive = (method: string) => {
        if (destroyed) throw tossError('UNKNOWN', `${method}() was called on a destroyed agreement widget: render a new one`, '이미 제거된 위젯입니다.');
      };
      return {
        on(eventName: unknown, callback: unknown): void {
          record(SDK, 'agreementWidget.on', arguments);
          alive('on');
          checkListener(eventName, callback, ['agreementStatusChange']);
          const listener = callback as (value: unknown) => unknown;
          ui.onChange(() => notify(listener, status()));
          // The types document change events only, so by default nothing is reported until the buyer
          // clicks; whether the real SDK also reports at render is unverified (README), hence a switch.
          if (control().agreementEmitsAtRender === true) {
            setTimeout(() => {
              if (!destroyed) notify(listener, status());
            }, 0);
          }
        },
        async destroy(): Promise<void> {
          record(SDK, 'agreementWidget.destroy', arguments);
          alive('destroy');
          destroyed = true;
          ui.remove();
          releaseSlot(AGREEMENT_SLOT, owner);
          if (agreement === entry) agreement = null;
        },
      };
    },

    async requestPayment(params: unknown): Promise<unknown> {
      record(SDK, 'requestPayment', arguments);
      ensureIdle('requestPayment', true);
      if (!amount) throw tossError('NOT_SETUP_AMOUNT', 'await widgets.setAmount({ value, currency }) before requestPayment()');
      const request = readPaymentRequest(params, 'v2.requestPayment');
      if (!methods) throw tossError('NOT_SELECTED_PAYMENT_METHOD', 'render the payment methods widget (renderPaymentMethods) before requestPayment()');
      if (agreement && !agreement.ui.agreed()) throw tossError('NEED_AGREEMENT_WITH_REQUIRED_TERMS', 'the buyer has not ticked the required terms');
      const end = transactions.begin('requestPayment', { exclusive: true });
      try {
        return await runPayment({
          sdk: SDK,
          request,
          money: amount,
          method: methods.ui.selected(),
          resultAmount: (money) => ({ value: money.value, currency: money.currency }),
          release: end,
        });
      } finally {
        end();
      }
    },
  };
}

// Create the control object now, so a test or story can steer the sandbox before the first call.
control();
noteScript(SDK);
(window as unknown as { TossPayments: unknown }).TossPayments = Object.assign(TossPayments, { ANONYMOUS });
