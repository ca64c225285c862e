import type { Block, RichText, Run } from './richText';

/**
 * Conversion between the letter body and the editor's JSON (ProseMirror/TipTap document shape). The editor
 * is configured with only paragraphs, lists, bold, italic and underline, but its JSON is still treated as
 * untrusted: anything else (headings, links, tables from a paste) is reduced to plain paragraphs of text.
 */
export interface EditorNode {
  type: string;
  text?: string;
  marks?: { type: string }[];
  content?: EditorNode[];
}

function runsOf(node: EditorNode | undefined): Run[] {
  const runs: Run[] = [];
  const walk = (n: EditorNode) => {
    if (n.type === 'text' && typeof n.text === 'string') {
      const marks = new Set((n.marks ?? []).map((m) => m.type));
      runs.push({
        text: n.text,
        ...(marks.has('bold') && { bold: true }),
        ...(marks.has('italic') && { italic: true }),
        ...(marks.has('underline') && { underline: true }),
      });
    } else if (n.type === 'hardBreak') {
      runs.push({ text: '\n' });
    } else {
      n.content?.forEach(walk);
    }
  };
  if (node) walk(node);
  return mergeRuns(runs);
}

/** Adjacent runs with the same formatting become one, so equal bodies compare equal. */
export function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && !!last.bold === !!r.bold && !!last.italic === !!r.italic && !!last.underline === !!r.underline) last.text += r.text;
    else if (r.text !== '') out.push({ ...r });
  }
  return out;
}

export function fromEditorJson(doc: EditorNode): RichText {
  const blocks: Block[] = [];
  for (const n of doc.content ?? []) {
    if (n.type === 'bulletList' || n.type === 'orderedList') {
      // Nested lists are flattened into their parent's items: a formal letter's lists are one level deep.
      const items: Run[][] = [];
      const collect = (list: EditorNode) => {
        for (const item of list.content ?? []) {
          const own = (item.content ?? []).filter((c) => c.type !== 'bulletList' && c.type !== 'orderedList');
          items.push(mergeRuns(own.flatMap((c, i) => (i > 0 ? [{ text: '\n' }, ...runsOf(c)] : runsOf(c)))));
          (item.content ?? []).filter((c) => c.type === 'bulletList' || c.type === 'orderedList').forEach(collect);
        }
      };
      collect(n);
      blocks.push({ type: n.type, items });
    } else {
      blocks.push({ type: 'paragraph', runs: runsOf(n) });
    }
  }
  return blocks;
}

function textNodes(runs: Run[]): EditorNode[] {
  const nodes: EditorNode[] = [];
  for (const r of runs) {
    const marks = [r.bold && { type: 'bold' }, r.italic && { type: 'italic' }, r.underline && { type: 'underline' }].filter(Boolean) as { type: string }[];
    r.text.split('\n').forEach((part, i) => {
      if (i > 0) nodes.push({ type: 'hardBreak' });
      if (part) nodes.push({ type: 'text', text: part, ...(marks.length > 0 && { marks }) });
    });
  }
  return nodes;
}

export function toEditorJson(body: RichText): EditorNode {
  const paragraph = (runs: Run[]): EditorNode => ({ type: 'paragraph', ...(runs.length > 0 && { content: textNodes(runs) }) });
  return {
    type: 'doc',
    content: body.length === 0 ? [{ type: 'paragraph' }] : body.map((b) =>
      b.type === 'paragraph' ? paragraph(b.runs) : { type: b.type, content: b.items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) },
    ),
  };
}
