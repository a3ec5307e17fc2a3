import { checkMethodOptions, methodKey, type PortOneEasyPayProvider, type PortOneMethod, type PortOneMethodType, type Provider } from '@kcheckout/core';
import { useId, useMemo } from 'react';
import type { MethodChoice } from './checkout-context.js';
import { CheckoutErrorNotice } from './checkout-error-notice.js';
import { DEFAULT_METHODS, type MethodOption } from './default-methods.js';
import type { CheckoutMessages } from './messages.js';

export type { MethodOption } from './default-methods.js';

interface PaymentMethodPickerProps {
  provider: Provider;
  choice: MethodChoice;
  methods: readonly MethodOption[] | undefined;
  text: CheckoutMessages;
  disabled: boolean;
}

/**
 * Native radio inputs in a fieldset: arrow keys move the choice, the legend names the group, and
 * screen readers announce it without any ARIA of ours.
 */
export function PaymentMethodPicker({ provider, choice, methods, text, disabled }: PaymentMethodPickerProps) {
  const name = useId();
  // The Toss payment window's root always passes its own list (toss-payment-window-root.tsx).
  const { options, error } = useMemo(
    () => checkMethodOptions(provider, methods ?? DEFAULT_METHODS[provider as keyof typeof DEFAULT_METHODS], choice.checkMethod),
    [provider, methods, choice.checkMethod],
  );
  const selectedKey = choice.selected ? methodKey(choice.selected) : null;
  return (
    <>
      <fieldset data-kcheckout="method-picker" disabled={disabled}>
        <legend>{text.methodLegend}</legend>
        {options.map((option) => {
          const key = methodKey(option);
          const { label, ...method } = option;
          return (
            <label key={key} data-kcheckout="method" data-method={key} data-checked={key === selectedKey ? '' : undefined}>
              <input type="radio" name={name} value={key} checked={key === selectedKey} onChange={() => choice.select(method)} />{' '}
              {label ?? labelOf(method, text)}
            </label>
          );
        })}
      </fieldset>
      {error && <CheckoutErrorNotice error={error} text={text} />}
    </>
  );
}

function labelOf(method: PortOneMethod, text: CheckoutMessages): string {
  const name = method.type === 'easyPay' && method.provider ? method.provider : method.type;
  return text.methods?.[name] ?? KOREAN_LABELS[name];
}

/** The names Korean buyers know each method by; here rather than in `ko`, so a Toss-only bundle skips them. */
const KOREAN_LABELS: Record<PortOneMethodType | PortOneEasyPayProvider, string> = {
    card: '신용·체크카드',
    easyPay: '간편결제',
    transfer: '계좌이체',
    virtualAccount: '가상계좌',
    mobile: '휴대폰',
    KAKAOPAY: '카카오페이',
    NAVERPAY: '네이버페이',
    TOSSPAY: '토스페이',
    PAYCO: '페이코',
    SAMSUNGPAY: '삼성페이',
    APPLEPAY: '애플페이',
    SSGPAY: 'SSG페이',
    LPAY: 'L.PAY',
    KPAY: 'KPAY',
    SKPAY: 'SK pay',
    PINPAY: '핀페이',
    TOSS_BRANDPAY: '토스 브랜드페이',
};
