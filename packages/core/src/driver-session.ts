import { CheckoutError, type Provider, vendorError } from './errors.js';
import { shallowEqual } from './shallow-equal.js';

export type SessionStatus = 'loading' | 'ready' | 'error' | 'pending';

export interface DriverSessionState {
  status: SessionStatus;
  error: CheckoutError | null;
  /** A request is in flight (the payment window is open). */
  pending: boolean;
}

const OPTION_ERRORS = new Set(['SECRET_KEY_IN_BROWSER', 'INVALID_KEY', 'INVALID_AMOUNT', 'INVALID_ORDER_ID', 'INVALID_OPTION']);

/**
 * A vendor SDK with no widget of its own (PortOne V2, iamport V1): load it once the page mounts,
 * then make one request at a time. The React hooks only bind it, like `TossCheckout`.
 *
 * Loading waits a macrotask after `mount`, so StrictMode's mount, unmount and remount load once.
 */
export class DriverSession<Options extends object, Driver> {
  private options: Options;
  private state: DriverSessionState;
  private readonly listeners = new Set<() => void>();
  private mounted = false;
  private driver: Driver | null = null;
  private loading: Options | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<unknown> | null = null;

  constructor(
    options: Options,
    private readonly provider: Provider,
    private readonly create: (options: Options) => Promise<Driver>,
    /** Throws a `CheckoutError` for options that cannot work; runs before any script loads. */
    private readonly validate: (options: Options) => unknown,
  ) {
    this.options = options;
    this.state = { status: 'loading', error: this.check(options), pending: false };
    if (this.state.error) this.state = { ...this.state, status: 'error' };
  }

  getState = (): DriverSessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(options: Options): void {
    if (shallowEqual(options, this.options)) return;
    this.options = options;
    this.driver = null;
    this.set({ error: this.check(options) });
    this.schedule();
  }

  mount = (): (() => void) => {
    this.mounted = true;
    this.schedule();
    return () => {
      this.mounted = false;
    };
  };

  /** After a load failure, loads again (the loader forgot the failed attempt). */
  retry = (): void => {
    if (!this.state.error || OPTION_ERRORS.has(this.state.error.code)) return;
    this.set({ error: null });
    this.schedule();
  };

  /**
   * Runs one vendor request. While one is in flight, a second call gets the same promise, so a
   * double click makes one request. Nothing is awaited before `call`, which keeps the click's user
   * activation for PGs that open a popup.
   */
  run<T>(call: (driver: Driver) => Promise<T>): Promise<T> {
    if (this.inFlight) return this.inFlight as Promise<T>;
    if (!this.driver || this.state.error) {
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
    this.set({ pending: true });
    const settle = () => {
      this.inFlight = null;
      this.set({ pending: false });
    };
    request.then(settle, settle);
    return request;
  }

  private check(options: Options): CheckoutError | null {
    try {
      this.validate(options);
      return null;
    } catch (error) {
      return vendorError(this.provider, error);
    }
  }

  private set(patch: Partial<Omit<DriverSessionState, 'status'>>): void {
    const next = { ...this.state, ...patch };
    const status: SessionStatus = next.error ? 'error' : next.pending ? 'pending' : this.driver ? 'ready' : 'loading';
    this.state = { ...next, status };
    for (const listener of this.listeners) listener();
  }

  private schedule(): void {
    if (!this.mounted || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.load();
    }, 0);
  }

  private async load(): Promise<void> {
    const options = this.options;
    if (!this.mounted || this.driver || this.state.error || this.loading === options) return;
    this.loading = options;
    try {
      const driver = await this.create(options);
      // The options may have changed while the script loaded; then the newer load wins.
      if (this.options !== options) return;
      this.driver = driver;
      this.set({});
    } catch (error) {
      if (this.options === options) this.set({ error: vendorError(this.provider, error) });
    } finally {
      if (this.loading === options) this.loading = null;
    }
  }
}
