import type { Clock } from '../../electron/core/clock';
import type { IsoDate } from '../../electron/core/dates/londonDate';
import type { Letter } from '../../electron/core/letters/letterSchema';
import type { Reply } from '../../electron/core/replies/replySchema';
import { generateAddressBook } from './addressBookFixture';
import type { AddressBookFixture } from './addressBookFixture';
import { generateLetters } from './lettersFixture';
import { seededRandom } from './random';
import { withReplies } from './replyFixture';
import { withTracking } from './trackingFixture';

/**
 * The benchmark's office at a given number of letters. Letters run from January 2019 to the end of 2025
 * whatever their number, so a bigger register is a busier office, not a longer one. The address book
 * grows with it (one contact per ten letters, never under 1,000: 5,000 contacts at 50,000 letters, the
 * size the issue planned for), with organisations and CC groups in the same proportion as the seed's.
 * withTracking gives about two commitments per letter; withReplies a reply to 55% of the letters sent.
 */
export const BENCH_START = '2026-01-05T09:30:00.000Z';
export const TODAY: IsoDate = BENCH_START.slice(0, 10);

/** Bump when what the fixture holds changes, so cached data folders are built again. */
export const FIXTURE_VERSION = 1;

export interface BenchData {
  book: AddressBookFixture;
  letters: Letter[];
  replies: Reply[];
}

export function addressBookSize(letters: number) {
  const contacts = Math.max(1000, Math.round(letters / 10));
  return { organisations: Math.round(contacts * 0.06), contacts, ccGroups: Math.round(contacts / 100) };
}

export function benchData(count: number): BenchData {
  const book = generateAddressBook(seededRandom(2022), addressBookSize(count));
  const tracked = withTracking(seededRandom(18), generateLetters(seededRandom(17), book, count));
  const { letters, replies } = withReplies(seededRandom(19), tracked, TODAY);
  return { book, letters, replies };
}

/** Set by `npm run bench` for its workers, so that every process reads the same clock (see benchClock). */
export const CLOCK_OFFSET_ENV = 'DESK_BENCH_CLOCK_OFFSET_MS';

/** The offset that puts "now" at BENCH_START; `npm run bench` works it out once and hands it to its workers. */
export const clockOffset = () => Date.parse(BENCH_START) - Date.now();

/**
 * The app's clock for the benchmark: real time moved back to BENCH_START, so "today" (what is overdue, what
 * the dashboard counts) is the same on every run, while time still runs forward, from one save to the
 * next and from one process to the next (the backups on open and close are named and ordered by it). A
 * process started without the offset (a worker run by hand) starts its own clock at BENCH_START.
 */
export function benchClock(): Clock {
  const given = Number(process.env[CLOCK_OFFSET_ENV]);
  const offset = Number.isFinite(given) && process.env[CLOCK_OFFSET_ENV] ? given : clockOffset();
  return { now: () => new Date(Date.now() + offset) };
}
