'use client';
// A Client Component: it has handlers. The amount it shows is the server's.

export function QuantityPicker({ quantity, amount, max, error, onChange }: { quantity: number; amount: number; max: number; error: string | null; onChange: (next: number) => void }) {
  return (
    <div className="quantity">
      <button type="button" aria-label="수량 줄이기" disabled={quantity <= 1} onClick={() => onChange(quantity - 1)}>
        −
      </button>
      <output aria-label="수량">{quantity}</output>
      <button type="button" aria-label="수량 늘리기" disabled={quantity >= max} onClick={() => onChange(quantity + 1)}>
        +
      </button>
      <span data-testid="amount">{amount.toLocaleString('ko-KR')}원</span>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
