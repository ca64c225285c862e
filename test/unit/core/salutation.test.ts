import { describe, expect, it } from 'vitest';
import { formatFullName, suggestSalutation } from '../../../electron/core/addressBook/salutation';

const s = (honorific: string, givenName: string, familyName: string) => suggestSalutation({ honorific, givenName, familyName });

describe('suggestSalutation', () => {
  it.each([
    ['DAC', 'Jane', 'Taylor', 'Dear DAC Taylor'],
    ['Cllr', 'Susan', 'Fajana-Thomas', 'Dear Cllr Fajana-Thomas'],
    ['Detective Chief Superintendent', 'James', 'Conway', 'Dear Detective Chief Superintendent Conway'],
    ['Sir', 'Mark', 'Rowley', 'Dear Sir Mark'],
    ['Rt Hon Sir', 'Sadiq', 'Khan', 'Dear Sir Sadiq'],
    ['Dame', 'Cressida', 'Dick', 'Dear Dame Cressida'],
    ['The Rt Hon', 'Diane', 'Abbott', 'Dear Diane Abbott'],
    ['Dr', 'Sal', 'Naseem', 'Dear Dr Naseem'],
    ['', 'Meg', 'Hillier', 'Dear Meg Hillier'],
    ['', '', 'Barnett', 'Dear Barnett'],
    ['Commander', 'Jane', '', 'Dear Commander Jane'],
    ['', '', '', 'Dear Sir or Madam'],
  ])('%s %s %s → %s', (h, g, f, expected) => {
    expect(s(h, g, f)).toBe(expected);
  });
});

describe('formatFullName', () => {
  it('joins the parts that are present', () => {
    expect(formatFullName({ honorific: 'DAC', givenName: 'Jane', familyName: 'Taylor', postNominals: 'QPM' })).toBe('DAC Jane Taylor QPM');
    expect(formatFullName({ honorific: '', givenName: 'Meg', familyName: 'Hillier', postNominals: '' })).toBe('Meg Hillier');
  });
});
