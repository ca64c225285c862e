import { describe, expect, it } from 'vitest';
import { defaultOfficeProfile } from '../../../electron/core/addressBook/schemas';
import { buildLetterDocument } from '../../../electron/core/letters/documentModel';
import { UNSENT_LETTER_STATE } from '../../../electron/core/letters/letterDefaults';
import { letterRecord, type Letter } from '../../../electron/core/letters/letterSchema';
import type { Block } from '../../../electron/core/letters/richText';
import { templateGapNotes } from '../../../electron/core/letters/templateGaps';
import { READINESS_ACTIONS, type ReadinessAction } from '../../../electron/core/readiness/actions';
import { passReadiness, readinessReport, withReadinessOverride } from '../../../electron/core/readiness/gate';
import { templatePrompts } from '../../../electron/core/readiness/prompts';
import { UserError } from '../../../electron/core/errors';

/** The pre-send check (issue 9, item 2): every problem an officer can leave in a letter, and what gets past. */
const para = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });
const stamp = { at: '2027-03-17T10:00:00.000Z', by: 'jane.officer' };

const complete: Letter = {
  ...UNSENT_LETTER_STATE,
  id: 'l1',
  reference: 'MCO270317-01',
  referenceSource: 'allocated',
  templateId: null,
  letterDate: '2027-03-17',
  recipient: {
    contactId: 'taylor',
    rank: 'DAC',
    givenName: 'Jane',
    familyName: 'Taylor',
    fullName: 'DAC Jane Taylor',
    role: 'Deputy Assistant Commissioner',
    organisation: 'Metropolitan Police Service',
    organisationShort: 'MPS',
    addressLines: ['New Scotland Yard'],
    salutation: 'Dear DAC Taylor',
  },
  subject: 'Safeguarding review: {{recipient.organisationShort}}',
  body: [para('We write about the review, our reference {{letter.reference}}.'), para('We would be grateful for a reply by {{deadline.date}}.')],
  closing: 'Yours sincerely',
  signatories: [{ signatoryId: 's1', name: 'Philip Glanville', titleLines: ['Mayor of Hackney'] }],
  signoffs: [{ signatoryId: 's1', state: 'signed', date: '2027-03-17', method: 'paper', at: '2027-03-17T09:30:00.000Z', by: 'jane.officer' }],
  cc: [{ contactId: 'khan', name: 'Sir Sadiq Khan', role: 'Mayor of London', organisation: '' }],
  deadlineRule: { kind: 'calendar', days: 14 },
  deadlineDate: '2027-03-31',
  threadId: 'l1',
  commitments: [],
  createdAt: '2027-03-17T09:00:00.000Z',
  updatedAt: '2027-03-17T09:00:00.000Z',
};

const check = (letter: Letter, action: ReadinessAction = 'mark-sent') =>
  readinessReport(letter, buildLetterDocument(letter, { office: defaultOfficeProfile, signatureImages: new Map() }), action);
const kinds = (letter: Letter, action?: ReadinessAction) => check(letter, action).problems.map((p) => p.kind);
const messages = (letter: Letter, action?: ReadinessAction) => check(letter, action).problems.map((p) => p.message);

describe('a complete letter', () => {
  it('passes every check, and needs no reason', () => {
    for (const action of READINESS_ACTIONS) {
      const report = check(complete, action);
      expect(report).toEqual({ action, problems: [], blocked: false, needsReason: false });
      expect(passReadiness(report, null, stamp)).toBeNull();
    }
  });

  it('is addressed to an organisation alone, or signed with an honorific the template left out', () => {
    expect(kinds({ ...complete, recipient: { ...complete.recipient, fullName: '', salutation: '' } })).toEqual([]);
    const named = { ...complete, signatories: [{ signatoryId: 's3', name: 'Cllr Susan Fajana-Thomas', titleLines: [] }], templateGaps: { signatories: ['Susan Fajana-Thomas'], ccGroup: null } };
    expect(kinds(named, 'export')).toEqual([]);
  });
});

describe('each problem, one at a time', () => {
  const cases: [string, Partial<Letter>, string, boolean][] = [
    ['no recipient', { recipient: { ...complete.recipient, fullName: ' ', organisation: '' } }, 'No recipient: choose who the letter is to.', false],
    ['no subject', { subject: '   ' }, 'No subject: add a subject heading.', false],
    ['an empty body', { body: [para(''), para('  ')] }, 'The body is empty: write the letter.', false],
    ['no signatory', { signatories: [] }, 'No signatory: add at least one signatory.', false],
    [
      'an unfilled placeholder in the body',
      { body: [para('Further to our letter about {{original.subject}}, we write again.')] },
      'The body still has {{original.subject}}: it would be printed as it stands. Type the words it stands for in its place.',
      true,
    ],
    ['an unfilled placeholder in the subject', { subject: 'Reminder: {{original.subject}}' }, 'The subject still has {{original.subject}}: it would be printed as it stands. Type the words it stands for in its place.', true],
    [
      'a placeholder with nothing to fill it',
      { deadlineDate: null, deadlineRule: null },
      'The body still has {{deadline.date}}: it would be printed as it stands. Set a reply-by date, or type the date in its place.',
      true,
    ],
    [
      'a template prompt in the body',
      { body: [{ type: 'paragraph', runs: [{ text: 'The Commission meets on ' }, { text: '[day and date of the meeting]', bold: true }, { text: '.' }] }] },
      'The body still has the prompt [day and date of the meeting]: it would be printed as it stands. Replace it with the details it asks for.',
      true,
    ],
    ['a template prompt in the subject', { subject: 'Meeting on [date]' }, 'The subject still has the prompt [date]: it would be printed as it stands. Replace it with the details it asks for.', true],
    [
      'a reply-by date before the letter date',
      { deadlineRule: null, deadlineDate: null, deadlineManualDate: '2027-03-03', body: [para('Please reply soon.')] },
      'The reply-by date, 3 March 2027, is before the letter’s date, 17 March 2027: correct one of them.',
      false,
    ],
    [
      'the recipient also copied in (same contact)',
      { cc: [{ contactId: 'taylor', name: 'Jane Taylor', role: '', organisation: 'MPS' }] },
      'Jane Taylor is the recipient and is also on the CC list: take them off the CC list.',
      false,
    ],
    [
      'the recipient also copied in (same name)',
      { cc: [{ contactId: null, name: 'dac  jane taylor', role: '', organisation: '' }] },
      'dac  jane taylor is the recipient and is also on the CC list: take them off the CC list.',
      false,
    ],
    ['a signatory the template named', { templateGaps: { signatories: ['Susan Fajana-Thomas'], ccGroup: null } }, templateGapNotes({ signatories: ['Susan Fajana-Thomas'], ccGroup: null })[0]!, false],
    ['a CC group the template named', { templateGaps: { signatories: [], ccGroup: 'Hackney MPs' } }, 'The template copies the letter to the CC group “Hackney MPs”, which is not in the address book. Add the group, or choose who to copy the letter to.', false],
  ];

  for (const [name, change, message, blocking] of cases) {
    it(`finds ${name}${blocking ? ', which blocks' : ''}`, () => {
      const report = check({ ...complete, ...change }, 'export');
      expect(report.problems).toEqual([{ kind: expect.any(String), message, blocking, overridden: null }]);
      expect(report.blocked).toBe(blocking);
      expect(report.needsReason).toBe(!blocking);
    });
  }

  it('says so once when a placeholder is in both the subject and the body', () => {
    const both = { ...complete, subject: 'Re: {{original.subject}}', body: [para('About {{original.subject}}.')] };
    expect(messages(both)).toEqual(['The subject and the body still have {{original.subject}}: it would be printed as it stands. Type the words it stands for in its place.']);
  });

  it('lists unfinished sign-off only when marking as sent', () => {
    const unsigned = { ...complete, signoffs: [], signatories: [...complete.signatories, { signatoryId: 's2', name: 'Anntoinette Bramble', titleLines: [] }] };
    expect(kinds(unsigned, 'send-for-signature')).toEqual([]);
    expect(check(unsigned, 'mark-sent').problems).toEqual([
      { kind: 'unsigned', message: 'Not everyone has signed. Still to sign: Philip Glanville, Anntoinette Bramble.', blocking: false, overridden: null },
    ]);
    const signed = { ...unsigned, signoffs: unsigned.signatories.map((s) => ({ signatoryId: s.signatoryId, state: 'signed' as const, date: '2027-03-17', method: 'paper' as const, ...stamp })) };
    expect(kinds(signed, 'mark-sent')).toEqual([]);
  });
});

describe('template prompts', () => {
  it('are square-bracketed words, not years, law reports or editorial marks', () => {
    expect(templatePrompts('We meet on [day and date] at [time], at [the venue].')).toEqual(['[day and date]', '[time]', '[the venue]']);
    expect(templatePrompts('R v Smith [2021] EWCA Crim 1, “they [the officers] said” [sic] […] [...]')).toEqual(['[the officers]']);
    expect(templatePrompts('No brackets here, nor [\nacross lines]')).toEqual([]);
  });
});

describe('every problem together', () => {
  const blank: Letter = {
    ...complete,
    recipient: { ...complete.recipient, contactId: null, fullName: '', organisation: '', organisationShort: '', salutation: '' },
    subject: '',
    body: [],
    signatories: [],
    cc: [],
    deadlineRule: null,
    deadlineDate: null,
  };

  it('a blank letter lists what it lacks, in the order an officer would fix it', () => {
    expect(messages(blank)).toEqual([
      'No recipient: choose who the letter is to.',
      'No subject: add a subject heading.',
      'The body is empty: write the letter.',
      'No signatory: add at least one signatory.',
    ]);
  });

  it('a letter with everything wrong lists all of it in one place', () => {
    const wrong: Letter = {
      ...blank,
      recipient: { ...blank.recipient, contactId: 'taylor', fullName: 'DAC Jane Taylor' },
      subject: 'Reminder: {{original.subject}}',
      body: [para('We meet on [day and date].')],
      signatories: [{ signatoryId: 's1', name: 'Philip Glanville', titleLines: [] }],
      signoffs: [],
      cc: [{ contactId: 'taylor', name: 'DAC Jane Taylor', role: '', organisation: '' }],
      deadlineManualDate: '2027-03-01',
      templateGaps: { signatories: ['Susan Fajana-Thomas'], ccGroup: 'Hackney MPs' },
    };
    expect(kinds(wrong)).toEqual([
      'unfilled-placeholder',
      'template-prompt',
      'reply-by-before-letter-date',
      'recipient-in-cc',
      'template-signatory-missing',
      'template-cc-group-missing',
      'unsigned',
    ]);
    const report = check(wrong);
    expect(report).toMatchObject({ blocked: true, needsReason: false });
    expect(() => passReadiness(report, 'Urgent', stamp)).toThrow(/cannot be marked as sent until this is put right: The subject still has \{\{original\.subject\}\}.*the prompt \[day and date\].*A reason cannot let this through/);
  });
});

describe('overriding', () => {
  const noSignatory = { ...complete, signatories: [], cc: [] };

  it('refuses without a reason, naming every problem and what a reason would do', () => {
    const report = check({ ...noSignatory, subject: '' }, 'send-for-signature');
    expect(() => passReadiness(report, '   ', stamp)).toThrow(UserError);
    expect(() => passReadiness(report, null, stamp)).toThrow(
      'Check the letter before it is sent for signature: No subject: add a subject heading. No signatory: add at least one signatory. Give a reason to send it for signature anyway; it will be kept with the letter.',
    );
  });

  it('keeps the reason, who and when, and the problems as the officer saw them', () => {
    const override = passReadiness(check(noSignatory, 'mark-sent'), '  Sent on behalf of the office  ', stamp);
    expect(override).toEqual({
      action: 'mark-sent',
      problems: [{ kind: 'no-signatory', message: 'No signatory: add at least one signatory.' }],
      reason: 'Sent on behalf of the office',
      at: '2027-03-17T10:00:00.000Z',
      by: 'jane.officer',
    });
    const kept = withReadinessOverride(noSignatory, override);
    expect(kept.readinessOverrides).toEqual([override]);
    expect(withReadinessOverride(kept, null)).toBe(kept);
  });

  it('a reason to send covers the same warning later; a reason to export a copy covers only exports', () => {
    const sent = withReadinessOverride(noSignatory, passReadiness(check(noSignatory, 'send-for-signature'), 'Signed by the office', stamp));
    for (const action of READINESS_ACTIONS) {
      const report = check(sent, action);
      expect(report.problems[0]?.overridden).toEqual({ action: 'send-for-signature', reason: 'Signed by the office', ...stamp });
      expect(report.needsReason).toBe(false);
      expect(passReadiness(report, null, stamp)).toBeNull();
    }
    const exported = withReadinessOverride(noSignatory, passReadiness(check(noSignatory, 'export'), 'A draft for comment', stamp));
    expect(check(exported, 'export').needsReason).toBe(false);
    expect(check(exported, 'mark-sent').needsReason).toBe(true);
    expect(check(exported, 'send-for-signature').needsReason).toBe(true);
  });

  it('a changed problem needs a new reason', () => {
    const gap = { ...complete, templateGaps: { signatories: ['Susan Fajana-Thomas'], ccGroup: null } };
    const passed = withReadinessOverride(gap, passReadiness(check(gap), 'She will sign on her return', stamp));
    expect(check(passed).needsReason).toBe(false);
    const another = { ...passed, templateGaps: { signatories: ['Mark Carroll'], ccGroup: null } };
    expect(check(another).needsReason).toBe(true);
  });

  it('never lets a placeholder or a prompt through, whatever the reason', () => {
    for (const change of [{ subject: '{{original.subject}}' }, { body: [para('On [date].')] }]) {
      const report = check({ ...complete, ...change }, 'export');
      expect(report).toMatchObject({ blocked: true, needsReason: false });
      expect(report.problems.every((p) => p.overridden === null)).toBe(true);
      expect(() => passReadiness(report, 'The Mayor wants it out today', stamp)).toThrow(/A reason cannot let this through/);
      expect(() => passReadiness(report, null, stamp)).toThrow(/^The letter cannot be exported until this is put right/);
    }
  });

  it('a signatory pack lists its warnings but asks for no reason', () => {
    const report = check(noSignatory, 'pack');
    expect(report).toMatchObject({ blocked: false, needsReason: false, problems: [{ kind: 'no-signatory' }] });
    expect(passReadiness(report, null, stamp)).toBeNull();
  });

  it('a letter saved before the check existed loads with no overrides', () => {
    const { readinessOverrides: _dropped, ...old } = complete;
    expect(letterRecord.parse(old).readinessOverrides).toEqual([]);
  });
});
