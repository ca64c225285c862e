/** Multi-line text fields (addresses, title lines) are edited as text and stored as lines. */
export const linesToText = (lines: readonly string[]) => lines.join('\n');
export const textToLines = (text: string) => text.split(/\r?\n/);
