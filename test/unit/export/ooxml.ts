import { strFromU8, unzipSync } from 'fflate';
import { posix } from 'node:path';

/**
 * Just enough of a WordprocessingML reader for the tests: the package's parts, relationships, and the
 * paragraphs of a part with their runs' text and formatting, in document order. Written against the
 * XML rather than with `includes`, so that a word in the wrong place, the wrong order or the wrong
 * paragraph is caught.
 */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}
export interface Para {
  runs: Run[];
  text: string;
  numbering: { numId: string; ilvl: string } | null;
  /** Where the paragraph sits when it is in a table: which table, row and cell (0-based). */
  cell: { table: number; row: number; col: number } | null;
  /** r:embed ids of the pictures drawn in the paragraph. */
  images: string[];
}

export interface Docx {
  files: Record<string, Uint8Array>;
  xml(path: string): string;
  has(path: string): boolean;
  /** The relationships of a part: id -> { type (last path segment), target (resolved package path) }. */
  rels(part: string): Map<string, { type: string; target: string }>;
}

export function openDocx(data: Uint8Array): Docx {
  const files = unzipSync(data);
  const xml = (path: string) => {
    const f = files[path];
    if (!f) throw new Error(`The DOCX has no part ${path}; it has ${Object.keys(files).join(', ')}`);
    return strFromU8(f);
  };
  return {
    files,
    xml,
    has: (path) => path in files,
    rels: (part) => {
      const relsPath = posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
      const out = new Map<string, { type: string; target: string }>();
      for (const tag of xml(relsPath).match(/<Relationship\b[^>]*>/g) ?? []) {
        const id = attr(tag, 'Id');
        const type = attr(tag, 'Type');
        const target = attr(tag, 'Target');
        if (id && type && target) out.set(id, { type: type.slice(type.lastIndexOf('/') + 1), target: posix.join(posix.dirname(part), target) });
      }
      return out;
    },
  };
}

export function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]!) : null;
}

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] ?? '';
  });
}

/** An on/off property such as `<w:b/>` or `<w:b w:val="false"/>`. */
const isOn = (tag: string) => !['false', '0', 'off'].includes(attr(tag, 'w:val') ?? 'true');

/** Every paragraph of a part, in order, with its runs. Text in `w:t`; `w:br` is `\n` and `w:tab` is `\t`. */
export function paragraphs(xml: string): Para[] {
  const out: Para[] = [];
  let para: Para | null = null;
  let run: Run | null = null;
  let inText = false;
  let inRunProps = false;
  let numId = '';
  let ilvl = '0';
  const table = { count: -1, row: -1, col: -1, depth: 0 };
  for (const token of xml.match(/<[^>]+>|[^<]+/g) ?? []) {
    if (!token.startsWith('<')) {
      if (inText && run && para) run.text += decodeXml(token);
      continue;
    }
    const m = /^<(\/?)([\w:]+)/.exec(token);
    if (!m) continue;
    const [, close, name] = m;
    const selfClosing = token.endsWith('/>');
    if (close) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:rPr') inRunProps = false;
      else if (name === 'w:r' && run && para) {
        para.runs.push(run);
        run = null;
      } else if (name === 'w:p' && para) {
        para.text = para.runs.map((r) => r.text).join('');
        para.numbering = numId ? { numId, ilvl } : null;
        out.push(para);
        para = null;
      } else if (name === 'w:tbl') table.depth -= 1;
      continue;
    }
    switch (name) {
      case 'w:tbl':
        table.count += 1;
        table.depth += 1;
        table.row = -1;
        break;
      case 'w:tr':
        table.row += 1;
        table.col = -1;
        break;
      case 'w:tc':
        table.col += 1;
        break;
      case 'w:p':
        para = { runs: [], text: '', numbering: null, cell: table.depth > 0 ? { table: table.count, row: table.row, col: table.col } : null, images: [] };
        numId = '';
        ilvl = '0';
        if (selfClosing) {
          out.push(para);
          para = null;
        }
        break;
      case 'w:numId':
        numId = attr(token, 'w:val') ?? '';
        break;
      case 'w:ilvl':
        ilvl = attr(token, 'w:val') ?? '0';
        break;
      case 'w:r':
        if (!selfClosing) run = { text: '', bold: false, italic: false, underline: false };
        break;
      case 'w:rPr':
        inRunProps = !selfClosing;
        break;
      case 'w:b':
        if (run && inRunProps) run.bold = isOn(token);
        break;
      case 'w:i':
        if (run && inRunProps) run.italic = isOn(token);
        break;
      case 'w:u':
        if (run && inRunProps) run.underline = (attr(token, 'w:val') ?? 'single') !== 'none';
        break;
      case 'w:t':
        inText = !selfClosing;
        break;
      case 'w:br':
        if (run) run.text += '\n';
        break;
      case 'w:tab':
        if (run && !inRunProps) run.text += '\t';
        break;
      case 'a:blip': {
        const embed = attr(token, 'r:embed');
        if (embed && para) para.images.push(embed);
        break;
      }
    }
  }
  return out;
}

/** The paragraphs' texts, empty ones left out: the reading order of a part. */
export const textLines = (xml: string) => paragraphs(xml).map((p) => p.text).filter((t) => t.trim() !== '');

/** Every opening or self-closing tag of one element name, e.g. all `w:tcW`. */
export const tags = (xml: string, name: string) => xml.match(new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'g')) ?? [];

/** The header or footer part the body's section uses for its first page or for the other pages. */
export function sectionPart(docx: Docx, kind: 'header' | 'footer', type: 'first' | 'default'): string {
  const body = docx.xml('word/document.xml');
  const refs = tags(body, `w:${kind}Reference`).filter((t) => attr(t, 'w:type') === type);
  if (refs.length !== 1) throw new Error(`Expected one ${type} ${kind} reference, found ${refs.length}`);
  const rel = docx.rels('word/document.xml').get(attr(refs[0]!, 'r:id') ?? '');
  if (!rel || rel.type !== kind) throw new Error(`The ${type} ${kind} reference does not point at a ${kind} part`);
  return rel.target;
}
