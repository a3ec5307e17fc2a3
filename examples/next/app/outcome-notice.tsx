'use client';
import type { Outcome } from './payment-outcome';

export function OutcomeNotice({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <p data-testid="outcome" data-state={outcome.state} role={outcome.state === 'paid' || outcome.state === 'confirming' ? 'status' : 'alert'}>
      {outcome.text}
    </p>
  );
}
