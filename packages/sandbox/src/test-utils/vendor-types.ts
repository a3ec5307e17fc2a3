// The vendor surfaces the tests drive, typed loosely on purpose: tests also pass bad arguments.

export interface V2MethodsWidget {
  on(eventName: unknown, callback?: unknown): void;
  getSelectedPaymentMethod(): Promise<{ code: string }>;
  destroy(): Promise<void>;
}

export interface V2AgreementStatus {
  agreedRequiredTerms: boolean;
  agreements: Array<{ term: { id: string; required: boolean }; agreed: boolean }>;
}

export interface V2AgreementWidget {
  on(eventName: unknown, callback?: unknown): void;
  destroy(): Promise<void>;
}

export interface V2Widgets {
  setAmount(amount?: unknown): Promise<void>;
  renderPaymentMethods(params?: unknown): Promise<V2MethodsWidget>;
  renderAgreement(params?: unknown): Promise<V2AgreementWidget>;
  requestPayment(params?: unknown): Promise<{ paymentType: string; orderId: string; paymentKey: string; amount: { value: number; currency: string } }>;
}

export interface V2Sdk {
  widgets(params?: unknown): V2Widgets;
  payment(params?: unknown): unknown;
  brandpay(params?: unknown): unknown;
}

export type TossPaymentsGlobal = ((clientKey: unknown) => V2Sdk) & { ANONYMOUS: string };

export interface V1AgreementStatus {
  agreedRequiredTerms: boolean;
  terms: Array<{ id: string; agreed: boolean; required: boolean; title: string; content: string }>;
}

export interface V1MethodsWidget {
  updateAmount(amount: unknown, reason?: unknown): void;
  UPDATE_REASON: { COUPON: string; POINT: string };
  on(eventName: unknown, callback?: unknown): void;
  getSelectedPaymentMethod(): { type: string; method?: string; easyPay?: { provider: string } };
}

export interface V1AgreementWidget {
  on(eventName: unknown, callback?: unknown): void;
  getAgreementStatus(): V1AgreementStatus;
}

export interface V1Widget {
  renderPaymentMethods(selector: unknown, amount?: unknown, options?: unknown): V1MethodsWidget;
  renderAgreement(selector: unknown, options?: unknown): V1AgreementWidget;
  requestPayment(info?: unknown): Promise<{ paymentType: string; orderId: string; paymentKey: string; amount: number } | void>;
}

export type PaymentWidgetGlobal = ((clientKey: unknown, customerKey?: unknown, options?: unknown) => V1Widget) & {
  ANONYMOUS: string;
  version: string;
};

export function tossPayments(): TossPaymentsGlobal {
  const global = (window as unknown as { TossPayments?: TossPaymentsGlobal }).TossPayments;
  if (!global) throw new Error('window.TossPayments is missing: load the toss-v2 stand-in first');
  return global;
}

export function paymentWidget(): PaymentWidgetGlobal {
  const global = (window as unknown as { PaymentWidget?: PaymentWidgetGlobal }).PaymentWidget;
  if (!global) throw new Error('window.PaymentWidget is missing: load the toss-v1 stand-in first');
  return global;
}

export interface PortOneResponse {
  transactionType: string;
  txId?: string;
  paymentId?: string;
  billingKey?: string;
  code?: string;
  message?: string;
  pgCode?: string;
  pgMessage?: string;
}

export interface PortOneGlobal {
  requestPayment(request?: unknown): Promise<PortOneResponse>;
  requestIssueBillingKey(request?: unknown): Promise<PortOneResponse>;
  requestIdentityVerification(request?: unknown): Promise<unknown>;
  requestIssueBillingKeyAndPay(request?: unknown): Promise<unknown>;
  loadPaymentUI(request?: unknown, callbacks?: unknown): Promise<void>;
  updateLoadPaymentUIRequest(request?: unknown): Promise<void>;
}

export type RequestPayResponse = Record<string, unknown> & {
  imp_uid: string | null;
  merchant_uid: string;
  error_code?: string;
  error_msg?: string;
};

export interface ImpGlobal {
  init(code?: unknown): void;
  request_pay(params?: unknown, callback?: unknown): void;
  agency(code?: unknown, tier?: unknown): void;
  certification(params?: unknown, callback?: unknown): void;
}

export function portOne(): PortOneGlobal {
  const global = (window as unknown as { PortOne?: PortOneGlobal }).PortOne;
  if (!global) throw new Error('window.PortOne is missing: load the portone-v2 stand-in first');
  return global;
}

export function imp(): ImpGlobal {
  const global = (window as unknown as { IMP?: ImpGlobal }).IMP;
  if (!global) throw new Error('window.IMP is missing: load the iamport-v1 stand-in first');
  return global;
}
