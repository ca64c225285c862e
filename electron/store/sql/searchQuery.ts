import { queryWords } from '../../core/addressBook/search';

/**
 * The officer's words as an FTS5 query that cannot be anything else. FTS5 has its own syntax (`"`, `*`,
 * `-`, `^`, `:`, `(`, AND, OR, NOT, NEAR), and text typed into the search box must never be read as it:
 * a stray quote would throw, and `NOT` would hide letters. So each word is cut into the tokens the index
 * holds (runs of letters and digits, as FTS5's unicode61 tokenizer cuts them), and each word becomes one
 * quoted phrase of its tokens, matched as a prefix: `mco2203-0` finds `MCO220317-02`'s tokens in order,
 * `taylo` finds Taylor. Quoted phrases of letters and digits have no syntax left in them. The phrases
 * are ANDed, as today's search wants every word.
 *
 * Unlike today's search (any substring), a word must start a token: `aylor` no longer finds Taylor.
 * Returns null when no word has a letter or digit in it (`"`, `-`): there is nothing to search for.
 */
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;
/** Enough for anything typed; a paste of a whole letter into the box is cut here, not sent to FTS5. */
const MAX_PHRASES = 32;

export function ftsQuery(query: string): string | null {
  const phrases: string[] = [];
  for (const word of queryWords(query)) {
    const tokens = word.match(TOKEN);
    if (tokens) phrases.push(`"${tokens.join(' ')}"*`);
    if (phrases.length === MAX_PHRASES) break;
  }
  return phrases.length > 0 ? phrases.join(' ') : null;
}
