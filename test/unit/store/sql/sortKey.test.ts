import { describe, expect, it } from 'vitest';
import { sortKey } from '../../../../electron/store/sql';
import { seededRandom } from '../../../../scripts/lib/random';
import { fixtureLetters } from './helpers';

/** The register's collator today; a sort key must order text byte by byte as it does. */
const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const binary = (a: string, b: string) => sign(Buffer.compare(Buffer.from(a), Buffer.from(b)));

describe('sort keys', () => {
  it('order as the collator does: case, accents, numbers by value, punctuation before digits before letters', () => {
    const sorted = ['', ' ', '-', '(9)', '(10)', '1', '2', '10', 'a', 'A b', 'a-b', 'ab', 'Àb', 'b', 'MCO220317-2', 'MCO220317-10', 'Zoe', 'Zoë', 'zoey', 'Ørsted', 'Øst'];
    const byKey = [...sorted].sort((a, b) => binary(sortKey(a), sortKey(b)) || (a < b ? -1 : 1));
    const byCollator = [...sorted].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : 1));
    expect(byKey).toEqual(byCollator);
    expect(sortKey('MCO220317-02')).toBe(sortKey('mco220317-2'));
    expect(sortKey('O’Brien')).toBe(sortKey("O'Brien"));
  });

  it('agree with the collator on every pair of random strings of a register’s characters', () => {
    const rnd = seededRandom(5);
    const alphabet = [...'aAbBcdeEéÉèoOøzZ0123456789    -–_,.:;()[]’\'"&/£ßæœñÑçİ'];
    const text = () => Array.from({ length: rnd.int(0, 10) }, () => rnd.pick(alphabet)).join('');
    const disagreements: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const a = text();
      const b = text();
      if (sign(collator.compare(a, b)) !== binary(sortKey(a), sortKey(b))) disagreements.push(`${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
  });

  it('agree with the collator on the fixture’s names, organisations, subjects and references', () => {
    const letters = fixtureLetters(400);
    for (const field of [(l: (typeof letters)[0]) => l.recipient.fullName, (l: (typeof letters)[0]) => l.recipient.organisation, (l: (typeof letters)[0]) => l.subject, (l: (typeof letters)[0]) => l.reference]) {
      const values = letters.map(field);
      for (let i = 1; i < values.length; i++) expect(binary(sortKey(values[i - 1]!), sortKey(values[i]!))).toBe(sign(collator.compare(values[i - 1]!, values[i]!)));
    }
  });
});
