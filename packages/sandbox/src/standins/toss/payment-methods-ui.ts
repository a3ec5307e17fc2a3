import { h, theme, uniqueId } from '../shared/dom.js';
import { sandboxSpeaksEnglish } from './agreement-ui.js';
import { formatMoney, type TossMoney } from './money.js';

export interface TossMethod {
  /** v2 `WidgetSelectedPaymentMethod.code`. */
  code: string;
  label: string;
  /** v1 `getSelectedPaymentMethod()` fields: `method` is the Korean name the Payment object uses. */
  v1: { method: string; easyPay?: { provider: string } };
}

export const TOSS_METHODS: readonly TossMethod[] = [
  { code: 'CARD', label: '신용·체크카드', v1: { method: '카드' } },
  { code: 'TRANSFER', label: '계좌이체', v1: { method: '계좌이체' } },
  { code: 'VIRTUAL_ACCOUNT', label: '가상계좌', v1: { method: '가상계좌' } },
  { code: 'MOBILE_PHONE', label: '휴대폰', v1: { method: '휴대폰' } },
  { code: 'TOSSPAY', label: '토스페이', v1: { method: '간편결제', easyPay: { provider: '토스페이' } } },
];

// A USD amount is for PayPal alone (foreignEasyPay), so the widget then offers nothing else. The
// fields v1 reports for it are the sandbox's guess (README).
const PAYPAL: TossMethod = { code: 'PAYPAL', label: 'PayPal', v1: { method: '해외간편결제', easyPay: { provider: 'PAYPAL' } } };

export interface PaymentMethodsUi {
  readonly root: HTMLElement;
  selected(): TossMethod;
  /** Updates the amount text in place; the widget is not rendered again. */
  setMoney(money: TossMoney): void;
  onSelect(listener: (method: TossMethod) => void): void;
  remove(): void;
}

/** The stand-in's labels when `kcheckoutSandbox.locale` is `'en'`. */
const EN_LABELS: Record<string, string> = { CARD: 'Credit / debit card', TRANSFER: 'Bank transfer', VIRTUAL_ACCOUNT: 'Virtual account', MOBILE_PHONE: 'Mobile phone', TOSSPAY: 'TossPay' };

const optionStyle = (checked: boolean) =>
  `display:flex;align-items:center;gap:8px;padding:10px 12px;border-radius:10px;cursor:pointer;` +
  `border:${checked ? `2px solid ${theme.accent}` : theme.border};margin:${checked ? '0' : '1px'};`;

/** The sandbox's payment-methods UI, appended to `container`. Card is selected, as in the real widget. */
export function renderPaymentMethodsUi(container: HTMLElement, sdk: string, money: TossMoney): PaymentMethodsUi {
  const name = uniqueId('kcheckout-sandbox-method');
  const listeners: Array<(method: TossMethod) => void> = [];
  const offered = money.currency === 'KRW' ? TOSS_METHODS : [PAYPAL];
  let selected = offered[0]!;
  const en = sandboxSpeaksEnglish();
  const show = (value: TossMoney) => (en && value.currency === 'KRW' ? `₩${value.value.toLocaleString('en-US')}` : formatMoney(value));

  const amount = h('strong', { 'data-sandbox-amount': true, 'aria-live': 'polite', style: `font-size:17px;color:${theme.text};` }, show(money));
  const options = offered.map((method) => {
    const input = h('input', { type: 'radio', name, value: method.code, style: `margin:0;accent-color:${theme.accent};` });
    input.checked = method === selected;
    return h('label', { style: optionStyle(input.checked) }, input, en ? (EN_LABELS[method.code] ?? method.label) : method.label);
  });
  const fieldset = h(
    'fieldset',
    { style: 'border:none;margin:0;padding:0;min-width:0;' },
    h(
      'legend',
      { style: 'padding:0;margin-bottom:12px;font-weight:700;font-size:16px;' },
      en ? 'Payment method' : '결제 수단',
      h('span', { style: theme.badge }, en ? 'Sandbox' : '샌드박스'),
    ),
    h('div', { style: 'display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:8px;' }, ...options),
  );
  const root = h(
    'div',
    {
      'data-kcheckout-sandbox': 'payment-methods',
      'data-sdk': sdk,
      style: `box-sizing:border-box;padding:16px;border:${theme.border};border-radius:${theme.radius};color:${theme.text};background:#fff;`,
    },
    fieldset,
    h(
      'p',
      { style: `display:flex;justify-content:space-between;align-items:baseline;margin:16px 0 0;color:${theme.muted};` },
      en ? 'Amount' : '결제 금액',
      amount,
    ),
  );

  fieldset.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const method = offered.find((candidate) => candidate.code === input.value);
    if (!method) return;
    selected = method;
    for (const label of options) label.setAttribute('style', optionStyle(label.querySelector('input')!.checked));
    for (const listener of listeners.slice()) listener(method);
  });
  container.append(root);

  return {
    root,
    selected: () => selected,
    setMoney(next) {
      amount.textContent = show(next);
    },
    onSelect(listener) {
      listeners.push(listener);
    },
    remove() {
      listeners.length = 0;
      root.remove();
    },
  };
}
