// A Server Component: the order is made on the server per request (see ../toss/page.tsx).
import { connection } from 'next/server';
import { Suspense } from 'react';
import { sandboxClientKeys, sandboxScriptPath } from '@kcheckout/sandbox';
import { createOrder, PRODUCT } from '@/lib/shop';
import { PortOneCheckout } from './portone-checkout';

export default function PortOnePage() {
  return (
    <main>
      <h1>포트원 V2</h1>
      <Suspense fallback={<p>주문을 만드는 중…</p>}>
        <PortOneOrder />
      </Suspense>
    </main>
  );
}

async function PortOneOrder() {
  await connection();
  const order = await createOrder('portone');
  const { storeId, channelKey } = sandboxClientKeys.portone;
  return <PortOneCheckout order={order} maxQuantity={PRODUCT.maxQuantity} storeId={storeId} channelKey={channelKey} scriptSrc={sandboxScriptPath('portone-v2')} />;
}
