import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import { UserError } from '../core/errors';
import type { Register } from '../store/sql';
import type { Platform } from './platform';

/** What every feature's handlers get: the open register, the clock, the platform, who is working. */
export interface ServiceContext {
  register(): Register;
  clock: Clock;
  platform: Platform;
  /** The officer, as this PC's settings name them: every history row and sign-off says who. */
  officer(): string;
  newId(): string;
  nowIso(): string;
}

export function createContext(getRegister: () => Register | null, clock: Clock, platform: Platform, officer: () => string): ServiceContext {
  return {
    register: () => {
      const r = getRegister();
      if (!r) throw new UserError('Your data could not be loaded, so nothing can be changed until it is restored.');
      return r;
    },
    clock,
    platform,
    officer,
    newId: () => randomUUID(),
    nowIso: () => clock.now().toISOString(),
  };
}
