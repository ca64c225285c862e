import { describe, expect, it } from 'vitest';
import { matchesSignatoryName, signatoryDisplayName } from '../../../electron/core/addressBook/signatoryName';

describe('signatory names', () => {
  const cllr = { honorific: 'Cllr', name: 'Susan Fajana-Thomas' };
  it('print the honorific before the name when there is one', () => {
    expect(signatoryDisplayName(cllr)).toBe('Cllr Susan Fajana-Thomas');
    expect(signatoryDisplayName({ name: ' Philip Glanville ' })).toBe('Philip Glanville');
    expect(signatoryDisplayName({ honorific: '  ', name: 'Philip Glanville' })).toBe('Philip Glanville');
  });
  it.each([
    ['Susan Fajana-Thomas', true],
    ['Cllr Susan Fajana-Thomas', true],
    ['cllr.  susan fajana-thomas', true],
    ['CLLR SUSAN FAJANA-THOMAS', true],
    ['Mayor Susan Fajana-Thomas', false],
    ['Susan Fajana', false],
    ['', false],
    ['Cllr', false],
  ])('“%s” means Cllr Susan Fajana-Thomas: %s', (written, expected) => {
    expect(matchesSignatoryName(written, cllr)).toBe(expected);
  });
  it('match a template that writes the honorific to a signatory stored without one only by the bare name', () => {
    expect(matchesSignatoryName('Philip Glanville', { name: 'Philip Glanville' })).toBe(true);
    expect(matchesSignatoryName('Mayor Philip Glanville', { name: 'Philip Glanville' })).toBe(false);
  });
});
