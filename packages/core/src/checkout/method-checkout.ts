import type { OptionsTable } from './checkout-store.js';
import { DriverSession, type DriverSessionState, type SessionFacts } from './driver-session.js';
import type { Provider } from '../errors.js';
import { type PortOneCurrency, validatePortOneMoney } from '../portone/portone-money.js';
import { type PortOneMethod } from '../payment-methods.js';
import type { Money } from '../validation.js';

/** The amount a checkout without a widget (PortOne V2, iamport V1) charges, beside the vendor's options. */
export interface MethodCheckoutAmount {
  /** What the buyer pays, in major units (50000 for 50,000원). */
  amount: number;
  /** `'KRW'` by default; `'CURRENCY_KRW'` also works. */
  currency?: PortOneCurrency | undefined;
}

export interface MethodCheckoutState extends DriverSessionState {
  /** The checked amount; `null` while the amount is invalid (then `error` says why). */
  money: Money | null;
  /** The method the buyer picked in the method picker, `defaultMethod` at first. */
  selected: PortOneMethod | null;
  /** An agreement checkbox is on the page: payment waits for `agreed`. */
  agreementShown: boolean;
  agreed: boolean;
  /** Ready, a method picked, and the terms agreed where they are shown: what a pay button needs. */
  canPay: boolean;
}

interface MethodFacts extends SessionFacts {
  selected: PortOneMethod | null;
  agreementShown: boolean;
  agreed: boolean;
}

/**
 * A PortOne V2 or iamport V1 checkout: the SDK session, the amount checked before any script
 * loads (so the server renders the same error as the client), the method the buyer picks and the
 * agreement checkbox. The status and `canPay` are derived here and nowhere else.
 */
export class MethodCheckout<Options extends object, Driver> extends DriverSession<
  Options & MethodCheckoutAmount,
  Driver,
  MethodCheckoutState,
  MethodFacts
> {
  // Declared, not initialised: the base constructor's first validation sets it before this class's fields would.
  declare private money: Money | null;

  constructor(
    options: Options & MethodCheckoutAmount,
    provider: Extract<Provider, 'portone' | 'iamport'>,
    create: (options: Options) => Promise<Driver>,
    validate: (options: Options) => unknown,
    table: OptionsTable<Options>,
    defaultMethod: PortOneMethod | null = null,
  ) {
    super(options, provider, create, validate, { ...table, amount: 'live', currency: 'live' } as OptionsTable<Options & MethodCheckoutAmount>);
    this.set({ selected: defaultMethod, agreementShown: false, agreed: false });
  }

  select = (selected: PortOneMethod): void => this.set({ selected });
  setAgreementShown = (agreementShown: boolean): void => this.set({ agreementShown });
  setAgreed = (agreed: boolean): void => this.set({ agreed });

  /** Requests payment with the checked amount and the buyer's method; call it while `canPay`. */
  pay<T>(call: (driver: Driver, money: Money, method: PortOneMethod) => Promise<T>): Promise<T> {
    const { money, selected } = this.getState();
    return this.run((driver) => call(driver, money!, selected!));
  }

  protected override validate(options: Options & MethodCheckoutAmount): void {
    // The amount first: with both wrong, the amount is what the buyer-facing page is about. The
    // checked money is kept for `derive`, so the amount is checked once per change.
    this.money = null;
    this.money = validatePortOneMoney(moneyOf(options), this.provider);
    super.validate(options);
  }

  protected override derive(facts: MethodFacts): MethodCheckoutState {
    const { error, pending, selected, agreementShown, agreed } = facts;
    const { status } = super.derive(facts);
    const canPay = status === 'ready' && selected !== null && (!agreementShown || agreed);
    return { status, error, pending, money: this.money, selected, agreementShown, agreed, canPay };
  }
}

const moneyOf = ({ amount, currency }: MethodCheckoutAmount) => ({ value: amount, currency: currency ?? 'KRW' });
