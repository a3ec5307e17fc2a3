// A Server Component: the order is made on the server per request (see ../toss/page.tsx).
import { connection } from 'next/server';
import { Suspense } from 'react';
import { sandboxClientKeys, sandboxScriptPath } from '@kcheckout/sandbox';
import { createOrder, PRODUCT } from '@/lib/shop';
import { IamportCheckout } from './iamport-checkout';

export default function IamportPage() {
  return (
    <main>
      <h1>포트원 V1 (아임포트)</h1>
      <Suspense fallback={<p>주문을 만드는 중…</p>}>
        <IamportOrder />
      </Suspense>
    </main>
  );
}

async function IamportOrder() {
  await connection();
  const order = await createOrder('iamport');
  const { impCode, channelKey } = sandboxClientKeys.iamport;
  return <IamportCheckout order={order} maxQuantity={PRODUCT.maxQuantity} impCode={impCode} channelKey={channelKey} scriptSrc={sandboxScriptPath('iamport-v1')} />;
}
