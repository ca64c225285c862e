/**
 * Page geometry and type for the exported letter, in the units Word uses. Kept equal to the preview's CSS
 * (LetterPreview.module.css) so the two look alike: A4, 20 mm top, 25 mm sides and bottom, Arial 11 pt,
 * lines 1.35 apart, 11 pt between paragraphs.
 */
export const MM = 56.6929; // twentieths of a point (DXA) per millimetre
export const A4 = { width: 11906, height: 16838 };
export const MARGIN = { top: Math.round(20 * MM), bottom: Math.round(25 * MM), left: Math.round(25 * MM), right: Math.round(25 * MM), header: Math.round(20 * MM), footer: Math.round(10 * MM) };
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
export const FONT = 'Arial';
/** Half-points, as Word counts font size. */
export const SIZE = { body: 22, letterhead: 20, officeName: 26, cc: 20, footer: 18 };
/** Space after a paragraph: 11 pt, one blank line of body text. */
export const AFTER = 220;
/** Space after the letterhead and the recipient block: 14 pt, as in the preview. */
export const AFTER_BLOCK = 280;
/**
 * Line height in 240ths of a "single" line (lineRule auto). Word's single line for Arial is already about
 * 1.15 em, so the preview's CSS `line-height: 1.35` (em) is about 1.17 of Word's lines: 280.
 */
export const LINE = 280;
/** Room left for a handwritten signature: about 40 pt, as in the preview. */
export const SIGN_SPACE = 800;
/** The tallest a signature image is drawn, in pixels at 96 dpi (about 38 pt). */
export const SIGNATURE_MAX = { height: 50, width: 220 };
