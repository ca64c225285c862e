/**
 * The largest template file the app reads or saves. The longest real letter is a few kilobytes; the limit
 * keeps a wrong file (a PDF renamed to .md, a log) from slowing the list down, and is checked in bytes
 * so that what can be saved can always be read back.
 */
export const MAX_TEMPLATE_BYTES = 200 * 1024;

export const tooLargeMessage = (bytes: number): string =>
  `the template is too large (${Math.ceil(bytes / 1024)} KB); a template can be at most ${MAX_TEMPLATE_BYTES / 1024} KB.`;
