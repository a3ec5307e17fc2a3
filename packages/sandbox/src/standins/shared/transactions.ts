/**
 * The vendors' per-instance transaction rule: a method may not be called again while its previous
 * call is pending, and a payment request runs alone (Toss: `INVALID_METHOD_TRANSACTION`,
 * "이미 다른 요청을 수행하고 있어요."). Different methods may overlap: the official v2 sample renders
 * the payment methods and the agreement in parallel with `Promise.all`.
 */
export class Transactions {
  private readonly pending = new Map<string, number>();
  private exclusive: string | null = null;

  /** The call that blocks `method` right now, or null if it may start. */
  blocker(method: string, { exclusive = false } = {}): string | null {
    if (this.exclusive) return this.exclusive;
    if (exclusive) return this.pending.keys().next().value ?? null;
    return this.pending.has(method) ? method : null;
  }

  /** Marks `method` as running; the returned function ends it (calling it twice is harmless). */
  begin(method: string, { exclusive = false } = {}): () => void {
    if (exclusive) this.exclusive = method;
    else this.pending.set(method, (this.pending.get(method) ?? 0) + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (exclusive) {
        if (this.exclusive === method) this.exclusive = null;
        return;
      }
      const count = (this.pending.get(method) ?? 1) - 1;
      if (count > 0) this.pending.set(method, count);
      else this.pending.delete(method);
    };
  }

  /** Whether anything is running (a payment request included). */
  get busy(): boolean {
    return this.exclusive !== null || this.pending.size > 0;
  }
}
