// Imported only by 'use client' checkouts: what happens after a PortOne or iamport window answers
// in the page (PC). The route handler app/api/confirm looks the payment up at the vendor.
import { useState } from 'react';

export type Outcome = { state: 'confirming' | 'paid' | 'failed' | 'cancelled' | 'error'; text: string } | null;

type ConfirmBody = { provider: 'portone'; orderId: string; paymentId?: string } | { provider: 'iamport'; orderId: string; impUid?: string };

export function usePaymentOutcome() {
  const [outcome, setOutcome] = useState<Outcome>(null);

  const confirm = async (body: ConfirmBody) => {
    setOutcome({ state: 'confirming', text: '결제를 확인하는 중…' });
    try {
      const response = await fetch('/api/confirm', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const answer = (await response.json()) as { ok: true; amount: number } | { ok: false; error: { code: string; message: string } };
      setOutcome(answer.ok ? { state: 'paid', text: `결제 완료: ${answer.amount.toLocaleString('ko-KR')}원` } : { state: 'error', text: `${answer.error.code}: ${answer.error.message}` });
    } catch {
      setOutcome({ state: 'error', text: '서버에 닿지 못했습니다. 잠시 뒤 다시 시도해 주세요.' });
    }
  };
  return {
    outcome,
    confirm,
    failed: (message: string) => setOutcome({ state: 'failed', text: `결제에 실패했습니다: ${message}` }),
    cancelled: () => setOutcome({ state: 'cancelled', text: '결제를 취소했습니다.' }),
  };
}
