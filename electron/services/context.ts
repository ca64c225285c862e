import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import { UserError } from '../core/errors';
import type { Store } from '../store';
import type { Platform } from './platform';

/** What every feature's handlers get: the open store, the clock, the platform. */
export interface ServiceContext {
  store(): Store;
  clock: Clock;
  platform: Platform;
  newId(): string;
  nowIso(): string;
}

export function createContext(getStore: () => Store | null, clock: Clock, platform: Platform): ServiceContext {
  return {
    store: () => {
      const s = getStore();
      if (!s) throw new UserError('Your data could not be loaded, so nothing can be changed until it is restored.');
      return s;
    },
    clock,
    platform,
    newId: () => randomUUID(),
    nowIso: () => clock.now().toISOString(),
  };
}
