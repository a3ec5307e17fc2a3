'use client';
// A Client Component: onSuccess, onFail and onCancel are functions, and the result arrives in the page.
import { Agreement, Checkout, CheckoutButton, PaymentMethods } from '@kcheckout/react/portone';
import type { ShopOrder } from '@/lib/shop';
import { openPayment } from '../actions';
import { OutcomeNotice } from '../outcome-notice';
import { usePaymentOutcome } from '../payment-outcome';
import { QuantityPicker } from '../quantity-picker';
import { useOrderAmount } from '../use-order-amount';

type Props = { order: ShopOrder; maxQuantity: number; storeId: string; channelKey: string; scriptSrc: string };

export function PortOneCheckout({ order, maxQuantity, storeId, channelKey, scriptSrc }: Props) {
  const { quantity, amount, orderName, error, change } = useOrderAmount(order);
  const { outcome, confirm, failed, cancelled } = usePaymentOutcome();
  return (
    <Checkout storeId={storeId} channelKey={channelKey} amount={amount} scriptSrc={scriptSrc}>
      <QuantityPicker quantity={quantity} amount={amount} max={maxQuantity} error={error} onChange={change} />
      <PaymentMethods />
      <Agreement />
      {/* PC: the promise answers here. Phones: PortOne leaves the page for redirectUrl. */}
      <CheckoutButton
        order={{ orderId: order.orderId, orderName }}
        redirectUrl="/payment/result"
        beforePayment={(paying) => openPayment(paying.orderId, amount)}
        onSuccess={(result) => confirm({ provider: 'portone', orderId: order.orderId, ...(result.paymentId ? { paymentId: result.paymentId } : {}) })}
        onFail={(result) => failed(result.message)}
        onCancel={cancelled}
      />
      <OutcomeNotice outcome={outcome} />
    </Checkout>
  );
}
