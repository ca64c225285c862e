import { describe, expect, it } from 'vitest';
import { followUpSubject } from '../../../electron/core/letters/followUpSubject';

describe('a follow-up’s subject', () => {
  const original = { reference: 'MCO220317-02', letterDate: '2022-03-17', sentDate: '2022-03-18', subject: 'Child Q safeguarding review' };
  it('names the letter it follows', () => {
    expect(followUpSubject('Reminder: {{original.subject}}', original)).toBe('Reminder: Child Q safeguarding review');
    expect(followUpSubject('Our letter {{ original.reference }} of {{original.date}}', original)).toBe('Our letter MCO220317-02 of 18 March 2022');
  });
  it('leaves other placeholders for the officer to see, and plain subjects alone', () => {
    expect(followUpSubject('{{recipient.role}}: {{original.subject}}', original)).toBe('{{recipient.role}}: Child Q safeguarding review');
    expect(followUpSubject('A plain subject', original)).toBe('A plain subject');
  });
});
