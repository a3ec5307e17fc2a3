import { type CheckoutStatus, CheckoutStore, type OptionsTable } from './checkout-store.js';
import { CheckoutError, type Provider, vendorError } from '../errors.js';

/** The same union as `CheckoutStatus`, under its earlier name. */
export type SessionStatus = CheckoutStatus;

export interface DriverSessionState {
  status: CheckoutStatus;
  error: CheckoutError | null;
  /** A request is in flight (the payment window is open): `status` is `pending`. */
  pending: boolean;
}

/** What a session knows; its state is derived from these. */
export interface SessionFacts {
  error: CheckoutError | null;
  pending: boolean;
  loaded: boolean;
}

/**
 * A vendor SDK with no widget of its own (PortOne V2, iamport V1): load it once the page mounts,
 * then make one request at a time. The React hooks only bind it, like `TossCheckout`.
 *
 * Loading waits a macrotask after `mount`, so StrictMode's mount, unmount and remount load once.
 * Without an options table every option remounts (loads the driver again) when it changes.
 */
export class DriverSession<
  Options extends object,
  Driver,
  State = DriverSessionState,
  Facts extends SessionFacts = SessionFacts,
> extends CheckoutStore<Options, Facts, State> {
  private driver: Driver | null = null;
  /** Counts remounts: a load that finishes after one is stale and dropped. */
  private generation = 0;
  private loading = -1;
  private inFlight: Promise<unknown> | null = null;

  constructor(
    options: Options,
    provider: Provider,
    private readonly create: (options: Options) => Promise<Driver>,
    /** Throws a `CheckoutError` for options that cannot work; runs before any script loads. */
    private readonly validator: (options: Options) => unknown,
    table?: OptionsTable<Options>,
  ) {
    super(options, provider, table ?? null);
    this.set({ error: this.check(options), pending: false, loaded: false } as Facts);
  }

  /**
   * Runs one vendor request. While one is in flight, a second call gets the same promise, so a
   * double click makes one request. Nothing is awaited before `call`, which keeps the click's user
   * activation for PGs that open a popup.
   */
  run<T>(call: (driver: Driver) => Promise<T>): Promise<T> {
    if (this.inFlight) return this.inFlight as Promise<T>;
    if (!this.driver || this.facts.error) {
      throw new CheckoutError(
        'INVALID_OPTION',
        __DEV__
          ? `결제 SDK가 아직 준비되지 않았습니다. status가 'ready'일 때 요청하세요. ` +
            `The payment SDK is not ready yet: request once status is 'ready'.`
          : '',
        { provider: this.provider },
      );
    }
    const request = call(this.driver);
    this.inFlight = request;
    this.set({ pending: true } as Partial<Facts>);
    const settle = () => {
      this.inFlight = null;
      this.set({ pending: false } as Partial<Facts>);
    };
    request.then(settle, settle);
    return request;
  }

  protected validate(options: Options): void {
    this.validator(options);
  }

  protected derive({ error, pending, loaded }: Facts): State {
    const status: CheckoutStatus = error ? 'error' : pending ? 'pending' : loaded ? 'ready' : 'loading';
    return { status, error, pending } as State;
  }

  protected reset(): void {
    this.generation++;
    this.driver = null;
    this.set({ loaded: false } as Partial<Facts>);
  }

  private async load(): Promise<void> {
    const generation = this.generation;
    if (!this.mounted || this.driver || this.facts.error || this.loading === generation) return;
    this.loading = generation;
    try {
      const driver = await this.create(this.options);
      // The options may have changed while the script loaded; then the newer load wins.
      if (this.generation !== generation) return;
      this.driver = driver;
      this.set({ loaded: true } as Partial<Facts>);
    } catch (error) {
      if (this.generation === generation) this.set({ error: vendorError(this.provider, error) } as Partial<Facts>);
    } finally {
      if (this.loading === generation) this.loading = -1;
    }
  }

  protected pass(): void {
    void this.load();
  }
}
