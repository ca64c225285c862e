import { describe, expect, it } from 'vitest';
import { filterAndSort } from '../../../electron/core/addressBook/search';

const people = [
  { id: '1', name: 'Señora Núñez', org: 'MOPAC' },
  { id: '2', name: 'Jane Taylor', org: 'MPS' },
  { id: '3', name: 'jane abbott', org: 'IOPC' },
  { id: '4', name: 'Officer 10', org: 'MPS' },
  { id: '5', name: 'Officer 9', org: 'MPS' },
];
const run = (query: string, direction: 'asc' | 'desc' = 'asc') =>
  filterAndSort(people, { query, text: (p) => `${p.name} ${p.org}`, sortKey: (p) => p.name, direction }).map((p) => p.id);

describe('filterAndSort', () => {
  it('needs every word, in any field, ignoring case and accents', () => {
    expect(run('jane mps')).toEqual(['2']);
    expect(run('JANE')).toEqual(['3', '2']);
    expect(run('senora nunez')).toEqual(['1']);
    expect(run('jane mopac')).toEqual([]);
  });
  it('sorts like a person would: case-insensitive, numbers by value, either way', () => {
    expect(run('officer')).toEqual(['5', '4']);
    expect(run('')).toEqual(['3', '2', '5', '4', '1']);
    expect(run('', 'desc')).toEqual(['1', '4', '5', '2', '3']);
  });
});
