import { type CheckoutError, type Provider, vendorError } from '../errors.js';

/**
 * Every checkout flow's status, for the `data-state` attribute and the parts: `pending` while the
 * payment window is open (the one fact `TossCheckoutState.paying` and `DriverSessionState.pending`
 * also report).
 */
export type CheckoutStatus = 'loading' | 'ready' | 'error' | 'pending';

/**
 * What a change to one option does after mount: `remount` loads the SDK again, `live` reaches the
 * vendor without a new render (the amount), `fixed` is read at load time and a later change only
 * warns in development builds, as react-stripe-js does for its immutable Elements options.
 */
export type OptionChange = 'remount' | 'live' | 'fixed';

/** One row per option, so a newly added option cannot be forgotten (the type wants every key). */
export type OptionsTable<Options> = { readonly [Key in keyof Required<Options>]: OptionChange };

/** Errors the caller fixes by changing props, as opposed to ones a retry can fix. */
export function isOptionError(error: CheckoutError): boolean {
  return ['SECRET_KEY_IN_BROWSER', 'INVALID_KEY', 'INVALID_AMOUNT', 'INVALID_ORDER_ID', 'INVALID_OPTION'].includes(error.code);
}

/**
 * What `next` changes in `previous`, read through `table`: `remount` if any remount key changed,
 * else `live` if any other key did, else `null`. Options objects are rebuilt on every render, so
 * keys are compared, never identities. A changed fixed key warns in development builds.
 */
export function diffOptions<Options extends object>(table: OptionsTable<Options> | null, previous: Options, next: Options): OptionChange | null {
  let change: OptionChange | null = null;
  // Without a table every key, known or not, remounts: what a whole-object compare used to do.
  for (const key of Object.keys(table ?? { ...previous, ...next }) as Array<keyof Options & string>) {
    // Object.is, so an amount of NaN (refused by validation) does not count as a change on every render.
    if (Object.is(previous[key], next[key])) continue;
    const kind = table ? table[key] : 'remount';
    if (__DEV__ && kind === 'fixed') {
      console.warn(
        `[kcheckout] "${key}"는 SDK를 불러올 때 한 번 읽습니다. 바뀐 값은 다음 로드(키가 바뀌거나 다시 마운트될 때)부터 적용됩니다. ` +
          `"${key}" is read once, when the SDK loads; the new value applies from the next load (a key change or a remount), not now.`,
      );
    }
    if (kind === 'remount' || !change) change = kind === 'fixed' ? 'live' : kind;
  }
  return change;
}

/**
 * The store every checkout flow shares (TanStack Form's `FormApi` is the model): facts go in with
 * `set`, the public state is `derive`d from them once per change, listeners hear about it, and
 * vendor work runs one macrotask after it was asked for, so StrictMode's mount, unmount and
 * remount in one tick cost nothing. Subclasses say what a pass does (`pass`), how the state follows
 * from the facts (`derive`), and what a retry or a remount drops (`reset`).
 */
export abstract class CheckoutStore<Options extends object, Facts extends { error: CheckoutError | null }, State> {
  protected facts!: Facts;
  private state!: State;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  protected mounted = false;

  protected constructor(
    protected options: Options,
    protected readonly provider: Provider,
    private readonly table: OptionsTable<Options> | null,
  ) {}

  /** Throws a `CheckoutError` for options that cannot work; runs before any script loads. */
  protected abstract validate(options: Options): void;
  protected abstract derive(facts: Facts): State;
  /** One pass that brings the vendor in line with the options and the page. */
  protected abstract pass(): void;
  /** Forgets the loaded SDK, so the next pass loads it again. */
  protected abstract reset(): void;

  getState = (): State => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts the checkout; the returned cleanup stops it. Pairs with an effect. */
  mount = (): (() => void) => {
    this.mounted = true;
    this.schedule();
    return () => {
      this.mounted = false;
      this.schedule();
    };
  };

  /** Takes the latest options; what each change does is the options table's call. */
  update(options: Options): void {
    const change = diffOptions(this.table, this.options, options);
    this.options = options;
    if (!change) return;
    if (change === 'remount') this.reset();
    // A fixed error that the new options fix goes; one a retry fixes (a failed load) stays.
    const { error } = this.facts;
    this.set({ error: this.check(options) ?? (error && isOptionError(error) ? null : error) } as Partial<Facts>);
    this.schedule();
  }

  /** After an error a retry can fix (a script that failed to load, a vendor refusal), starts again. */
  retry = (): void => {
    const { error } = this.facts;
    if (!error || isOptionError(error)) return;
    this.reset();
    this.set({ error: null } as Partial<Facts>);
    this.schedule();
  };

  protected check(options: Options): CheckoutError | null {
    try {
      this.validate(options);
      return null;
    } catch (error) {
      return vendorError(this.provider, error);
    }
  }

  protected set(patch: Partial<Facts>): void {
    this.facts = { ...this.facts, ...patch };
    this.state = this.derive(this.facts);
    for (const listener of this.listeners) listener();
  }

  /** Whether a pass has anything to do; nothing runs before mount, so server renders stay side-effect free. */
  protected idle(): boolean {
    return !this.mounted;
  }

  protected schedule(): void {
    if (this.idle() || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pass();
    }, 0);
  }
}
