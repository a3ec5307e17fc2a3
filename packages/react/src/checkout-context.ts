import { CheckoutError, type Currency } from '@kcheckout/core';
import { createContext, useContext } from 'react';
import type { Locale } from './messages.js';
import type { UseTossWidgetResult } from './use-toss-widget.js';

export interface CheckoutContextValue {
  provider: 'toss';
  amount: number;
  currency: Currency;
  locale: Locale;
  widget: UseTossWidgetResult;
}

export const CheckoutContext = createContext<CheckoutContextValue | null>(null);

/** Reads the nearest <Checkout>, or says exactly how to fix its absence. */
export function useCheckoutContext(consumer: string): CheckoutContextValue {
  const context = useContext(CheckoutContext);
  if (!context) {
    throw new CheckoutError(
      'MISSING_PROVIDER',
      `<${consumer}>는 <Checkout> 안에서만 쓸 수 있습니다. <Checkout provider="toss" …>로 결제 영역을 감싸세요. ` +
        `<${consumer}> must be rendered inside <Checkout>: wrap the part of your app that renders it in ` +
        `<Checkout provider="toss" …>.`,
    );
  }
  return context;
}
