import { describe, expect, it } from 'vitest';
import { missingInOrder, normalise } from './textOrder';

/** The PDF text comparison must catch what it is there to catch, and forgive only layout. */
describe('missingInOrder', () => {
  const lines = ['17 March 2022', 'Ref: MCO1', 'We ask for a written, public action plan.', 'Yours sincerely'];

  it('forgives wrapping, hyphen breaks, footers and bidi marks', () => {
    const pdf = '17 March\n2022\nRef: MCO1\nWe ask for a written,\npublic action\n\nPage 1 of 2\nplan.\nYours\u200E sincerely';
    expect(missingInOrder(lines, pdf, pdf)).toEqual([]);
    expect(normalise('under-\nprotected')).toBe(normalise('under-protected'));
  });

  it('reports a missing line and a line out of order', () => {
    expect(missingInOrder(lines, '17 March 2022 Ref: MCO1 Yours sincerely', '')).toEqual(['missing: “We ask for a written, public action plan.”']);
    expect(missingInOrder(lines, 'Ref: MCO1 17 March 2022 We ask for a written, public action plan. Yours sincerely', '')).toEqual(['out of order: “Ref: MCO1” is not after “17 March 2022”']);
  });

  it('checks right-to-left lines whole in reading order, and their place by their left-to-right part', () => {
    const rtl = ['Arabic: مرحبا بكم', 'End'];
    const visual = 'Arabic: \u202Bبكم\u202C \u202Bمرحبا\u202C End';
    expect(missingInOrder(rtl, visual, 'Arabic: \u202Bمرحبا بكم\u202C\nEnd')).toEqual([]);
    expect(missingInOrder(rtl, visual, 'Arabic: مرحبا\nEnd')).toEqual(['right-to-left text missing: “Arabic: مرحبا بكم”']);
  });
});
