import type { IsoDate } from '../../../electron/core/dates/londonDate';
import { calculateDeadline } from '../../../electron/core/deadlines/deadlineCalculation';
import type { Region, WorkingCalendar } from '../../../electron/core/deadlines/workingCalendar';
import { buildWorkingCalendar, deadlineSettingsSchema, type DeadlineSettings } from '../../../electron/services/deadlines/bankHolidays';

/** The office's calendars as settings would build them, so the tests go through the real holiday data. */
export function calendar(overrides: Partial<DeadlineSettings> = {}): WorkingCalendar {
  return buildWorkingCalendar({ ...deadlineSettingsSchema.parse({}), ...overrides });
}

export const england = (rollForward = true) => calendar({ rollForward });
export const region = (r: Region, rollForward = true) => calendar({ region: r, rollForward });

/** No holidays at all: what the deadline would be if bank holidays were ignored. */
export const weekendsOnly: WorkingCalendar = { region: 'england-and-wales', holidays: new Map(), rollForward: false };

export const working = (days: number, from: IsoDate, cal: WorkingCalendar = england()) => calculateDeadline({ kind: 'working', days }, from, cal);
export const calendarDays = (days: number, from: IsoDate, cal: WorkingCalendar = england()) => calculateDeadline({ kind: 'calendar', days }, from, cal);
