/**
 * Which characters of a paragraph lie inside quotation marks. A request inside quotes is somebody else's
 * words (`The Commissioner said: “We would welcome…”`) or a heading (`“Will you commit to change?”`), never
 * the letter's own ask, so a request phrase that starts inside quotes is not suggested. Done over the whole
 * paragraph, not sentence by sentence, because a quotation often runs over several sentences.
 */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string): boolean => c !== '' && WORD_CHAR.test(c);

export function quoteMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  const fill = (from: number, to: number) => {
    mask.fill(1, from, to + 1);
  };
  let curly = -1;
  let straight = -1;
  let single = -1;
  let straightSingle = -1;
  let guillemet = -1;
  // Jump from quotation mark to quotation mark: a long paragraph costs one native scan, not a loop per character.
  const marks = /[“„”"‘’'«»]/g;
  for (let found = marks.exec(text); found; found = marks.exec(text)) {
    const i = found.index;
    const c = found[0];
    const before = text.charAt(i - 1);
    const after = text.charAt(i + 1);
    if (c === '“' || c === '„') {
      if (curly < 0) curly = i;
    } else if (c === '”') {
      if (curly >= 0) fill(curly, i);
      curly = -1;
    } else if (c === '"') {
      if (straight < 0) straight = i;
      else {
        fill(straight, i);
        straight = -1;
      }
    } else if (c === '‘') {
      if (single < 0 && !isWordChar(before)) single = i;
    } else if (c === '’') {
      // ’ is also the apostrophe ("Mayor’s", "residents’ trust"): it closes a quote only if one is open
      // and it is not inside a word.
      if (single >= 0 && !isWordChar(after)) {
        fill(single, i);
        single = -1;
      }
    } else if (c === "'") {
      if (straightSingle < 0 && !isWordChar(before) && isWordChar(after)) straightSingle = i;
      else if (straightSingle >= 0 && !isWordChar(after)) {
        fill(straightSingle, i);
        straightSingle = -1;
      }
    } else if (c === '«') {
      if (guillemet < 0) guillemet = i;
    } else if (c === '»' && guillemet >= 0) {
      fill(guillemet, i);
      guillemet = -1;
    }
  }
  // An opening mark left unclosed is usually a stray character, so it is ignored, except at the very start
  // of a paragraph: that is the British convention for a quotation running on from the paragraph before,
  // which closes only in its last paragraph.
  const first = text.search(/\S/);
  if (first >= 0 && [curly, straight, single, straightSingle, guillemet].includes(first)) fill(first, text.length - 1);
  return mask;
}
