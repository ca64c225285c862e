import { describe, expect, it } from 'vitest';
import { suggestCommitments, type CommitmentSuggestion } from '../../../electron/core/commitments/suggest';
import { paragraph } from '../../../electron/core/letters/richText';

const suggest = (text: string): CommitmentSuggestion[] => suggestCommitments([paragraph(text)], { letterDate: '2022-03-17' });

describe('suggestCommitments: the example from the brief', () => {
  it('states the commitment as the thing asked for, with the deadline taken out of the wording', () => {
    const sentence = 'We would like to ask you to commit to a written and public action plan within the next fortnight.';
    expect(suggest(sentence)).toEqual([
      {
        text: 'A written and public action plan',
        source: sentence,
        trigger: 'commit to',
        deadline: { phrase: 'within the next fortnight', kind: 'calendar-days', days: 14 },
      },
    ]);
  });
});

/**
 * Every request phrase, in sentences written the way the office writes (phrasing from the built-in
 * templates and the Child Q, IOPC, MOPAC and scrutiny commission material), with the exact wording and
 * trigger the officer will see.
 */
const CASES: ReadonlyArray<readonly [sentence: string, text: string, trigger: string]> = [
  ['We ask you to commit to publishing the action plan on the Council’s website.', 'Publishing the action plan on the Council’s website', 'commit to'],
  ['Will you commit to a review of every strip search of a child in Hackney since 2018?', 'A review of every strip search of a child in Hackney since 2018', 'commit to'],
  ['Please commit to an independent review of the use of strip search on children.', 'An independent review of the use of strip search on children', 'commit to'],
  ['We would like to ask {{recipient.fullName}} to commit to attending the Commission in person.', 'Attending the Commission in person', 'commit to'],
  ['We would like your assurance that those officers will not be deployed in schools.', 'An assurance that those officers will not be deployed in schools', 'assurance that'],
  ['We would like your reassurance that no child will be strip searched at school without an appropriate adult present.', 'Reassurance that no child will be strip searched at school without an appropriate adult present', 'reassurance that'],
  ['We seek your assurance that the officers involved will not be deployed in schools while their conduct is investigated.', 'An assurance that the officers involved will not be deployed in schools while their conduct is investigated', 'assurance that'],
  ['Please confirm that the recommendations of the Child Q safeguarding review have been accepted in full.', 'Confirmation that the recommendations of the Child Q safeguarding review have been accepted in full', 'please confirm'],
  ['Please confirm who will attend the Living in Hackney Scrutiny Commission on behalf of the Metropolitan Police Service.', 'Confirmation of who will attend the Living in Hackney Scrutiny Commission on behalf of the Metropolitan Police Service', 'please confirm'],
  ['We would be grateful if you could provide details of how the IOPC oversees the handling of complaints about stop and search in Hackney.', 'Details of how the IOPC oversees the handling of complaints about stop and search in Hackney', 'grateful if you could'],
  ['We would be grateful if you could confirm the date of the next Community and Police Conversation in Hackney.', 'Confirmation of the date of the next Community and Police Conversation in Hackney', 'grateful if you could'],
  ['We would be grateful if you could set out how the complaints system will be made accessible to young people.', 'An account of how the complaints system will be made accessible to young people', 'grateful if you could'],
  ['We would be grateful if you could arrange a meeting with the Mayor and the Cabinet Member for Community Safety.', 'A meeting with the Mayor and the Cabinet Member for Community Safety', 'grateful if you could'],
  ['We would be grateful if you could share the action plan with the headteachers of Hackney’s schools.', 'The action plan, shared with the headteachers of Hackney’s schools', 'grateful if you could'],
  ['We would therefore be grateful if you could publish stop and search data for Hackney by ward, age and ethnicity.', 'Publication of stop and search data for Hackney by ward, age and ethnicity', 'grateful if you could'],
  ['The Council would be grateful if the IOPC could publish its findings before the Commission meets.', 'The IOPC to publish its findings before the Commission meets', 'grateful if'],
  ['We ask that you publish the action plan on the Metropolitan Police Service website.', 'Publication of the action plan on the Metropolitan Police Service website', 'we ask that'],
  ['We ask that the action plan is published, so that the child’s family can see for themselves what will change.', 'The action plan to be published', 'we ask that'],
  ['We request a meeting with you to discuss the plan and how its delivery will be reported to the community.', 'A meeting with you to discuss the plan and how its delivery will be reported to the community', 'we request'],
  ['We would welcome your account of what the IOPC has learnt from its investigations in London.', 'Your account of what the IOPC has learnt from its investigations in London', 'we would welcome'],
  ['We would also value your view on how the experience of young people can shape that work.', 'Your view on how the experience of young people can shape that work', 'we would value'],
  ['Please provide the outcome rates for stop and search in Hackney for the last twelve months.', 'The outcome rates for stop and search in Hackney for the last twelve months', 'please provide'],
  ['Please set out the targets against which MOPAC will measure progress on disproportionality.', 'The targets against which MOPAC will measure progress on disproportionality', 'please set out'],
  ['Please send us the minutes of the meeting held on 9 November 2020.', 'The minutes of the meeting held on 9 November 2020', 'please send'],
  ['Please share the findings of the Basic Command Unit review with the Commission.', 'The findings of the Basic Command Unit review, shared with the Commission', 'please share'],
  ['Please let us know of any access requirements.', 'Any access requirements', 'please let us know'],
  ['Could you please explain why the complaints system is seldom used by the communities most affected by stop and search?', 'An explanation of why the complaints system is seldom used by the communities most affected by stop and search', 'could you'],
  ['Will you meet us to discuss the action plan?', 'A meeting with us to discuss the action plan', 'will you'],
  ['We expect the officers concerned to be removed from school duties while the investigation continues.', 'The officers concerned to be removed from school duties while the investigation continues', 'we expect'],
  ['We expect you to publish a full response to the review.', 'Publication of a full response to the review', 'we expect'],
  ['We are therefore asking you to set out, in writing and in public, how the police will respond to every recommendation of the review.', 'An account of how the police will respond to every recommendation of the review, in writing and in public', 'ask you to'],
  ['We would therefore ask MOPAC to provide regular publication of stop and search data for Hackney.', 'Regular publication of stop and search data for Hackney', 'ask … to'],
  ['We ask you not to deploy those officers in any school in Hackney.', 'Not to deploy those officers in any school in Hackney', 'ask you to'],
  ['We would be grateful for a full written reply to our earlier letter.', 'A full written reply to our earlier letter', 'grateful for'],
  ['We are still awaiting a date by which each outstanding action will be completed.', 'A date by which each outstanding action will be completed', 'awaiting'],
  ['It would help us greatly if any papers could be sent to {{office.email}} at least three working days beforehand.', 'Any papers to be sent to {{office.email}} at least three working days beforehand', 'it would help if'],
  ['We look forward to meeting you to discuss the plan; please contact the Mayor’s Office on {{office.telephone}} to arrange a date.', 'A meeting to discuss the plan', 'we look forward to'],
  ['We would like a meeting with the Borough Commander before the summer.', 'A meeting with the Borough Commander before the summer', 'we would like'],
];

describe('suggestCommitments: request phrases', () => {
  it.each(CASES)('%s', (sentence, text, trigger) => {
    const found = suggest(sentence);
    expect(found.map((s) => ({ text: s.text, trigger: s.trigger, source: s.source }))).toEqual([{ text, trigger, source: sentence }]);
  });

  it('matches request phrases in any case and with British or American spelling of "apologise"', () => {
    expect(suggest('PLEASE CONFIRM THAT THE PLAN WILL BE PUBLISHED.').map((s) => s.text)).toEqual(['Confirmation that THE PLAN WILL BE PUBLISHED']);
    expect(suggest('We ask you to apologize to the child and her family.').map((s) => s.text)).toEqual(['An apology to the child and her family']);
  });

  it('treats placeholders as words: their dots and braces neither end the sentence nor hide the request', () => {
    const sentence = 'We ask {{recipient.organisationShort}} to publish the plan by {{deadline.date}}, and we would welcome a meeting with {{recipient.fullName}}.';
    const found = suggest(sentence);
    expect(found.map((s) => s.text)).toEqual(['Publication of the plan', 'A meeting with {{recipient.fullName}}']);
    expect(found[0]?.deadline).toEqual({ phrase: 'by {{deadline.date}}', kind: 'date' });
    expect(found.every((s) => s.source === sentence)).toBe(true);
  });

  it('gives the source exactly as written, one sentence of a longer paragraph', () => {
    const text = 'The review’s findings are deeply troubling. Please provide the data by ward, e.g. Dalston and Hackney Central. We will share your response.';
    expect(suggest(text).map((s) => s.source)).toEqual(['Please provide the data by ward, e.g. Dalston and Hackney Central.']);
  });
});
