'use client';
// A Client Component, as ../portone/portone-checkout.tsx, for PortOne V1 (iamport.js).
import { Agreement, Checkout, CheckoutButton, PaymentMethods } from '@kcheckout/react/iamport';
import type { ShopOrder } from '@/lib/shop';
import { openPayment } from '../actions';
import { OutcomeNotice } from '../outcome-notice';
import { usePaymentOutcome } from '../payment-outcome';
import { QuantityPicker } from '../quantity-picker';
import { useOrderAmount } from '../use-order-amount';

type Props = { order: ShopOrder; maxQuantity: number; impCode: string; channelKey: string; scriptSrc: string };

export function IamportCheckout({ order, maxQuantity, impCode, channelKey, scriptSrc }: Props) {
  const { quantity, amount, orderName, error, change } = useOrderAmount(order);
  const { outcome, confirm, failed, cancelled } = usePaymentOutcome();
  return (
    <Checkout impCode={impCode} channelKey={channelKey} amount={amount} scriptSrc={scriptSrc}>
      <QuantityPicker quantity={quantity} amount={amount} max={maxQuantity} error={error} onChange={change} />
      <PaymentMethods />
      <Agreement />
      <CheckoutButton
        order={{ orderId: order.orderId, orderName }}
        redirectUrl="/payment/result"
        beforePayment={(paying) => openPayment(paying.orderId, amount)}
        onSuccess={(result) => confirm({ provider: 'iamport', orderId: order.orderId, ...(result.impUid ? { impUid: result.impUid } : {}) })}
        onFail={(result) => failed(result.message)}
        onCancel={cancelled}
      />
      <OutcomeNotice outcome={outcome} />
    </Checkout>
  );
}
