import { describe, expect, it } from 'vitest';
import { suggestCommitments, type CommitmentSuggestion } from '../../../electron/core/commitments/suggest';
import { paragraph } from '../../../electron/core/letters/richText';

const suggest = (...paragraphs: string[]): CommitmentSuggestion[] =>
  suggestCommitments(paragraphs.map(paragraph), { letterDate: '2022-03-17' });

/** Sentences that mention commitments, assurances and confirmations but ask for nothing now. */
const NOT_ASKS: ReadonlyArray<readonly [why: string, sentence: string]> = [
  ['thanks for a confirmation', 'Thank you for confirming that the officers involved have been removed from school duties.'],
  ['reports what the recipient confirmed', 'You confirmed that the action plan would be published within the next fortnight.'],
  ['reports an earlier request', 'We asked you to commit to a written and public action plan in March.'],
  ['reports an earlier request (perfect tense)', 'We have asked you to commit to a meeting with residents on three occasions.'],
  ['reports a commitment made', 'The Commissioner committed to a review of the use of strip search on children.'],
  ['reports an assurance given', 'Officers have assured us that no child will be searched without an appropriate adult present.'],
  ['states our own commitment', 'We are committed to working with you to rebuild trust and confidence in policing.'],
  ['states the Council’s commitment', 'The Council remains committed to working with the police to keep children safe.'],
  ['a negated ask', 'We do not ask you to commit to a timetable for the review today.'],
  ['a negated ask (continuous)', 'We are not asking you to commit to a timetable for the review today.'],
  ['a conditional about the past', 'If you had committed to a plan in March, we would not be writing to you again.'],
  ['an inverted conditional about the past', 'Had you given us your assurance that the officers would be withdrawn, we would not have needed to write.'],
  ['a wish about the past', 'We would have welcomed your assurance that the officers would be withdrawn.'],
  ['a past "grateful if"', 'We would have been grateful if you had shared the review with the family.'],
  ['a rhetorical question about the past', 'Could you not have shared the review with the family sooner?'],
  ['a rhetorical heading in quotation marks', '“Will you commit to change?” That is the question residents keep asking.'],
  ['someone else’s words in quotation marks', 'DCS Conway said: “We would welcome a community-led review of stop and search.”'],
  ['a quotation of several sentences', 'The Commissioner told residents: “We know we need to reset. We would welcome your views on the plan. Please share them with us.”'],
  ['straight quotation marks', 'Residents asked "will you commit to ending strip searches of children?" at every meeting.'],
  ['single quotation marks', 'The plan, called ‘Please confirm your priorities’, was launched in July.'],
  ['an ask inside a subordinate clause', 'Members asked what we would welcome from the review.'],
  ['a noun-led ask inside a subordinate clause', 'I am writing to raise two matters on which the Council would value the support of MOPAC.'],
  ['a noun-led ask inside a question word clause', 'Residents asked what the Living in Hackney Scrutiny Commission would welcome from the review.'],
  ['a comparison, not an expectation', 'The review is more thorough than we expect from the Metropolitan Police Service.'],
  ['a "could you" that is not a question', 'We wondered whether could you provide is the right phrase.'],
  ['a future statement', 'We will ask for an update on each of them when we meet.'],
  ['courtesy: thanks', 'We would like to thank you for your letter of 3 March.'],
  ['courtesy: quoting the reference', 'Please quote our reference MCO220317-02 in any correspondence.'],
  ['courtesy: offer to talk', 'Please contact the Mayor’s Office on 020 8356 3000 if it would help to discuss any part of this request.'],
  ['welcoming something already given', 'We welcome your commitment to a review of stop and search.'],
  ['present gratitude, not a request', 'We are grateful for your assurance that the officers will not return to schools.'],
  ['a request phrase with nothing asked for', 'Please provide:'],
];

describe('suggestCommitments: sentences that do not ask', () => {
  it.each(NOT_ASKS)('%s', (_why, sentence) => {
    expect(suggest(sentence)).toEqual([]);
  });

  it('finds the real ask next to a report in the same paragraph', () => {
    const found = suggest('You confirmed in March that the plan would be published. It has not been. Please confirm the date on which it will be published.');
    expect(found.map((s) => s.text)).toEqual(['Confirmation of the date on which it will be published']);
  });

  it('keeps an ask that follows a negative clause after a semicolon or ", and"', () => {
    expect(suggest('We do not believe that this trust can be rebuilt by statements of regret alone; we ask you to commit to a public action plan.').map((s) => s.text)).toEqual([
      'A public action plan',
    ]);
    expect(suggest('We cannot accept further delay, and we ask you to commit to a public action plan.').map((s) => s.text)).toEqual(['A public action plan']);
  });

  it('keeps a present conditional ask ("if …, please …")', () => {
    expect(suggest('If it will not be possible to reply in full by that date, please let us know before then when a full reply will be sent.').map((s) => s.text)).toEqual([
      'Confirmation of when a full reply will be sent',
    ]);
  });

  it('ignores a stray opening quotation mark in mid-paragraph rather than hiding everything after it', () => {
    expect(suggest('The Commissioner said “we are listening. Please provide the data.').map((s) => s.text)).toEqual(['The data']);
  });

  it('treats a paragraph that opens a quotation without closing it as quoted (a quotation running on)', () => {
    expect(suggest('He added: “There is much further to go.', '“We would welcome your views on the plan. Please share them with us.')).toEqual([]);
  });
});

describe('suggestCommitments: two asks joined by "and"', () => {
  it('gives two suggestions for two clauses, each with its own request phrase', () => {
    const found = suggest('Please confirm that the plan will be published and please provide the names of the officers responsible.');
    expect(found.map((s) => [s.trigger, s.text])).toEqual([
      ['please confirm', 'Confirmation that the plan will be published'],
      ['please provide', 'The names of the officers responsible'],
    ]);
  });

  it('splits ", and let us know …" after an imperative ask, sharing the sentence’s deadline', () => {
    const found = suggest('Please confirm by 31 March who will attend on behalf of your organisation, and let us know of any access requirements.');
    expect(found.map((s) => [s.trigger, s.text, s.deadline?.date])).toEqual([
      ['please confirm', 'Confirmation of who will attend on behalf of your organisation', '2022-03-31'],
      ['let us know', 'Any access requirements', '2022-03-31'],
    ]);
  });

  it('gives two suggestions for two first-person asks', () => {
    expect(suggest('We ask you to commit to an action plan, and we would welcome a meeting to discuss it.').map((s) => s.text)).toEqual([
      'An action plan',
      'A meeting to discuss it',
    ]);
  });

  it('gives one suggestion when "and" joins two things asked for', () => {
    expect(suggest('We ask you to commit to a written action plan and a meeting with residents.').map((s) => s.text)).toEqual([
      'A written action plan and a meeting with residents',
    ]);
  });

  it('gives one suggestion when "and" joins verbs inside the thing asked for', () => {
    expect(suggest('Please set out how you will review and publish the data.').map((s) => s.text)).toEqual(['An account of how you will review and publish the data']);
    expect(suggest('Please publish the plan and share it with the family.')).toHaveLength(1);
  });

  it('reads "grateful if you could please confirm" as one ask, not two', () => {
    expect(suggest('We would be grateful if you could please confirm that the officers will not return to schools.').map((s) => [s.trigger, s.text])).toEqual([
      ['grateful if you could', 'Confirmation that the officers will not return to schools'],
    ]);
  });
});

describe('suggestCommitments: duplicates', () => {
  it('keeps one of two suggestions that differ only in case, punctuation or article', () => {
    const found = suggest(
      'We ask you to commit to a written and public action plan.',
      'We would like to ask you to commit to the written, and public, ACTION PLAN!',
    );
    expect(found.map((s) => s.text)).toEqual(['A written and public action plan']);
  });

  it('keeps the first wording and takes the deadline from a later repeat', () => {
    const found = suggest('Please provide a written action plan.', 'We ask you to commit to a written action plan within ten working days.');
    expect(found).toEqual([
      {
        text: 'A written action plan',
        source: 'Please provide a written action plan.',
        trigger: 'please provide',
        deadline: { phrase: 'within ten working days', kind: 'working-days', days: 10 },
      },
    ]);
  });

  it('keeps suggestions that are different', () => {
    expect(suggest('Please provide the data by ward.', 'Please provide the data by age.')).toHaveLength(2);
  });
});
