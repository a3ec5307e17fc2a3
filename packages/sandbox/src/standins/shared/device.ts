import type { SandboxDevice } from '../../types.js';
import { control } from './control.js';

// Phones and tablets by user agent, as PortOne's SDK decides between its `windowType.pc` and
// `windowType.mobile` (research/portone.md §1.6); the width of the window plays no part, so a
// narrow desktop browser is still a PC. Which tokens the vendors match exactly is not published
// (README, "Assumed, not documented").
const MOBILE_USER_AGENT = /Android|iPhone|iPad|iPod|Mobile|Tablet|Silk|Kindle|BlackBerry|Opera Mini|IEMobile/i;

/** The device a user agent names; iPadOS 13+ reports a Mac user agent and is told apart by its touch points. */
export function deviceFromUserAgent(userAgent: string, maxTouchPoints = 0): SandboxDevice {
  if (MOBILE_USER_AGENT.test(userAgent)) return 'mobile';
  return /Macintosh/.test(userAgent) && maxTouchPoints > 1 ? 'mobile' : 'pc';
}

/** The device every stand-in acts for: `kcheckoutSandbox.device` when set, else the user agent's. */
export function currentDevice(): SandboxDevice {
  const chosen = control().device;
  if (chosen === 'pc' || chosen === 'mobile') return chosen;
  return deviceFromUserAgent(navigator.userAgent, navigator.maxTouchPoints ?? 0);
}

/** Whether the stand-ins act as on a phone or tablet. */
export const isMobileDevice = (): boolean => currentDevice() === 'mobile';
