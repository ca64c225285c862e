import { describe, expect, it } from 'vitest';
import { suggestCommitments, type CommitmentSuggestion } from '../../../electron/core/commitments/suggest';
import { paragraph, type Block, type RichText } from '../../../electron/core/letters/richText';

const suggest = (body: RichText): CommitmentSuggestion[] => suggestCommitments(body, { letterDate: '2022-03-17' });
const bullets = (...items: string[]): Block => ({ type: 'bulletList', items: items.map((text) => [{ text }]) });
const numbered = (...items: string[]): Block => ({ type: 'orderedList', items: items.map((text) => [{ text }]) });

describe('suggestCommitments: a lead-in ending in a colon, then a list', () => {
  it('gives one suggestion per entry, each entry being the commitment', () => {
    const found = suggest([
      paragraph('The review’s findings are deeply troubling. In particular, we ask for:'),
      bullets(
        'a written and public action plan, within the next fortnight, setting out how each recommendation of the review will be implemented;',
        'an assurance that the officers involved will not be deployed in schools while their conduct is investigated; and',
        'a meeting with us to discuss the action plan.',
      ),
    ]);
    expect(found).toEqual([
      {
        text: 'A written and public action plan, setting out how each recommendation of the review will be implemented',
        source: 'a written and public action plan, within the next fortnight, setting out how each recommendation of the review will be implemented;',
        trigger: 'ask for',
        deadline: { phrase: 'within the next fortnight', kind: 'calendar-days', days: 14 },
      },
      {
        text: 'An assurance that the officers involved will not be deployed in schools while their conduct is investigated',
        source: 'an assurance that the officers involved will not be deployed in schools while their conduct is investigated; and',
        trigger: 'ask for',
        deadline: null,
      },
      { text: 'A meeting with us to discuss the action plan', source: 'a meeting with us to discuss the action plan.', trigger: 'ask for', deadline: null },
    ]);
  });

  it('completes the lead-in’s verb with each entry ("ask MOPAC to provide:")', () => {
    const found = suggest([
      paragraph('We would therefore ask MOPAC to provide:'),
      numbered('Regular publication of stop and search data for Hackney, by ward, age and ethnicity', 'MOPAC’s assessment of disproportionality in the use of stop and search in Hackney'),
    ]);
    expect(found.map((s) => [s.trigger, s.text])).toEqual([
      ['ask … to', 'Regular publication of stop and search data for Hackney, by ward, age and ethnicity'],
      ['ask … to', 'MOPAC’s assessment of disproportionality in the use of stop and search in Hackney'],
    ]);
  });

  it('turns entries under "grateful if you could confirm:" into confirmations', () => {
    const found = suggest([
      paragraph('We would be grateful if you could confirm:'),
      bullets('that the officers involved will not be deployed in schools;', 'who will attend the Commission on 22 June 2021.'),
    ]);
    expect(found.map((s) => s.text)).toEqual([
      'Confirmation that the officers involved will not be deployed in schools',
      'Confirmation of who will attend the Commission on 22 June 2021',
    ]);
  });

  it('turns entries under "we seek your assurance that:" into assurances', () => {
    const found = suggest([
      paragraph('We seek your assurance that:'),
      bullets('no child will be strip searched at school without an appropriate adult present;', 'those officers will not be deployed in schools.'),
    ]);
    expect(found.map((s) => [s.trigger, s.text])).toEqual([
      ['assurance that', 'An assurance that no child will be strip searched at school without an appropriate adult present'],
      ['assurance that', 'An assurance that those officers will not be deployed in schools'],
    ]);
  });

  it('gives every entry the lead-in’s deadline when the entry has none of its own (the phrase as written)', () => {
    const found = suggest([paragraph('Within ten working days, we ask for:'), bullets('a written action plan', 'a meeting with residents by 31 March')]);
    expect(found.map((s) => [s.text, s.deadline?.phrase])).toEqual([
      ['A written action plan', 'Within ten working days'],
      ['A meeting with residents', 'by 31 March'],
    ]);
  });

  it('keeps question entries as questions, and names the lead-in’s own request', () => {
    const found = suggest([
      paragraph('The Commission would be grateful for written answers to the following questions:'),
      numbered(
        'How does your organisation make sure that the complaints system is trusted and used by the communities most affected by stop and search?',
        'What monitoring targets are set for stop and search?',
      ),
    ]);
    expect(found.map((s) => [s.trigger, s.text])).toEqual([
      ['grateful for', 'Written answers to the following questions'],
      ['grateful for', 'How does your organisation make sure that the complaints system is trusted and used by the communities most affected by stop and search?'],
      ['grateful for', 'What monitoring targets are set for stop and search?'],
    ]);
  });

  it('reads entries typed with bullets inside a paragraph (pasted text) the same way', () => {
    const found = suggest([paragraph('In particular, we ask for:\n- a written and public action plan;\n• a meeting with us to discuss that plan.\nThank you.')]);
    expect(found.map((s) => [s.text, s.source])).toEqual([
      ['A written and public action plan', 'a written and public action plan;'],
      ['A meeting with us to discuss that plan', 'a meeting with us to discuss that plan.'],
    ]);
  });

  it('is not broken by an empty paragraph between the lead-in and the list', () => {
    expect(suggest([paragraph('In particular, we ask for:'), paragraph(''), bullets('a written action plan')]).map((s) => s.text)).toEqual(['A written action plan']);
  });

  it('suggests nothing from a list whose lead-in does not ask', () => {
    expect(suggest([paragraph('This discussion will cover:'), bullets('MPS complaints system', 'Culture change', 'Youth engagement')])).toEqual([]);
    expect(suggest([paragraph('We note that you have agreed to the following:'), bullets('a written action plan', 'a meeting with residents')])).toEqual([]);
    expect(suggest([paragraph('In particular, we ask for:'), paragraph('Thank you for your help.'), bullets('a written action plan')])).toEqual([]);
  });

  it('still finds an ask written inside an entry under a lead-in that does not ask', () => {
    const found = suggest([paragraph('Following the meeting:'), bullets('please confirm who will attend on 22 June 2021;', 'the minutes will be circulated.')]);
    expect(found.map((s) => [s.trigger, s.text])).toEqual([['please confirm', 'Confirmation of who will attend on 22 June 2021']]);
  });

  it('suggests nothing for a list placeholder that has not been filled in', () => {
    expect(suggest([paragraph('In particular, we ask for:'), paragraph('{{commitments.list}}')])).toEqual([]);
  });
});
