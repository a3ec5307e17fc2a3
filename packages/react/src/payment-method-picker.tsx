import { CheckoutError, type PortOneMethod, type Provider } from '@kcheckout/core';
import { useId, useMemo } from 'react';
import type { MethodChoice } from './checkout-context.js';
import { CheckoutErrorNotice } from './checkout-error-notice.js';
import { type Locale, messages, methodLabels } from './messages.js';

/** A method the picker offers, optionally with your own label. */
export type MethodOption = PortOneMethod & { label?: string };

const COMMON_METHODS: readonly MethodOption[] = [
  { type: 'card' },
  { type: 'easyPay', provider: 'KAKAOPAY' },
  { type: 'easyPay', provider: 'NAVERPAY' },
  { type: 'easyPay', provider: 'TOSSPAY' },
  { type: 'transfer' },
  { type: 'virtualAccount' },
  { type: 'mobile' },
];

/** What PortOne and iamport shops offer most often; every PG contract supports a different subset. */
export const DEFAULT_METHODS: Record<'portone' | 'iamport', readonly MethodOption[]> = {
  portone: COMMON_METHODS,
  // V1 needs `digital` on phone payments; physical goods are the common case. Pass your own list
  // with `{ type: 'mobile', digital: true }` for digital content.
  iamport: COMMON_METHODS.map((method) => (method.type === 'mobile' ? { type: 'mobile', digital: false } : method)),
};

/** Two methods are the same choice when type and wallet match. */
export function methodKey(method: PortOneMethod): string {
  return method.type === 'easyPay' && method.provider ? `easyPay:${method.provider}` : method.type;
}

interface PaymentMethodPickerProps {
  provider: Extract<Provider, 'portone' | 'iamport'>;
  choice: MethodChoice;
  methods: readonly MethodOption[] | undefined;
  locale: Locale;
  disabled: boolean;
}

/**
 * Native radio inputs in a fieldset: arrow keys move the choice, the legend names the group, and
 * screen readers announce it without any ARIA of ours.
 */
export function PaymentMethodPicker({ provider, choice, methods, locale, disabled }: PaymentMethodPickerProps) {
  const name = useId();
  const { options, error } = useMemo(
    () => checkMethods(provider, methods ?? DEFAULT_METHODS[provider], choice.checkMethod),
    [provider, methods, choice.checkMethod],
  );
  const selectedKey = choice.selected ? methodKey(choice.selected) : null;
  return (
    <>
      <fieldset data-kcheckout="method-picker" disabled={disabled}>
        <legend>{messages[locale].methodLegend}</legend>
        {options.map((option) => {
          const key = methodKey(option);
          const { label, ...method } = option;
          return (
            <label key={key} data-kcheckout="method" data-method={key} data-checked={key === selectedKey ? '' : undefined}>
              <input type="radio" name={name} value={key} checked={key === selectedKey} onChange={() => choice.select(method)} />{' '}
              {label ?? labelOf(method, locale)}
            </label>
          );
        })}
      </fieldset>
      {error && <CheckoutErrorNotice error={error} locale={locale} />}
    </>
  );
}

function labelOf(method: PortOneMethod, locale: Locale): string {
  const labels = methodLabels[locale];
  return method.type === 'easyPay' && method.provider ? labels[method.provider] : labels[method.type];
}

/**
 * Keeps the methods this provider can request and reports the first it cannot, so a typo in the
 * list shows up on the page instead of as a failed payment.
 */
function checkMethods(provider: 'portone' | 'iamport', methods: readonly MethodOption[], checkMethod: (method: PortOneMethod) => unknown) {
  const options: MethodOption[] = [];
  const seen = new Set<string>();
  let error: CheckoutError | null = null;
  for (const option of Array.isArray(methods) ? methods : []) {
    try {
      checkMethod(option);
      const key = methodKey(option);
      if (seen.has(key)) continue;
      seen.add(key);
      options.push(option);
    } catch (caught) {
      error ??= caught as CheckoutError;
    }
  }
  if (options.length === 0 && !error) {
    error = new CheckoutError(
      'INVALID_OPTION',
      `<PaymentMethods methods>가 비어 있습니다. 예: methods={[{ type: 'card' }, { type: 'easyPay', provider: 'KAKAOPAY' }]} ` +
        `<PaymentMethods methods> is empty: pass at least one, e.g. [{ type: 'card' }].`,
      { provider },
    );
  }
  return { options, error };
}
