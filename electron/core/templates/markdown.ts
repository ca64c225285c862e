import MarkdownIt from 'markdown-it';

/**
 * The one Markdown reader for templates. html: true so that <u>…</u> arrives as tags we can read (and any
 * other HTML as something we can report); no linkify or typographer, so what the officer typed is what
 * the letter says.
 */
export const markdown = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
