import { continuationHasObject, isRealAsk } from './phraseAskContext';
import { isAddressee } from './phrasePatterns';
import { IMPERATIVE_IDS, TRIGGERS, type ObjectKind, type TriggerDef } from './phraseTriggers';

/** One request in a sentence: the phrase, and the stretch of text it asks for. Offsets are within the sentence. */
export interface Ask {
  id: string;
  label: string;
  kind: ObjectKind;
  start: number;
  end: number;
  objectStart: number;
  objectEnd: number;
}

interface Candidate extends Omit<Ask, 'objectEnd'> {
  priority: number;
  def: TriggerDef;
}

/** Words that can sit between two request phrases without being an ask of their own ("…grateful if you could please confirm"). */
const FILLER = new Set(['you', 'could', 'would', 'can', 'will', 'please', 'kindly', 'also', 'that', 'the', 'and', 'to', 'for', 'with', 'us', 'now', 'then']);

/** Words that open a clause of their own: an "and publish" after one of them continues that clause. */
const CLAUSE_MARKER = /\b(?:how|what|why|when|where|who|whom|which|whether|that|if|will|would|can|could|should|shall|must|is|are|was|were|has|have|had)\b/i;

/** ", and let us know" or "and please send" always start a new ask; a bare "and send" only after a plain object. */
function separateContinuation(sentence: string, previous: Candidate, c: Candidate): boolean {
  const phrase = sentence.slice(c.start, c.objectStart);
  if (/,\s*$/.test(sentence.slice(Math.max(0, c.start - 4), c.start)) || /\b(?:please|also)\b/i.test(phrase)) return true;
  return !CLAUSE_MARKER.test(sentence.slice(previous.end, c.start));
}

function hasContent(gap: string): boolean {
  const words = gap.replace(/\{\{[^{}]*\}\}/g, ' ').toLowerCase().match(/\p{L}{3,}/gu) ?? [];
  return words.some((w) => !FILLER.has(w));
}

function candidates(sentence: string, quoted: (i: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const lower = sentence.toLowerCase(); // only for the key-word test: offsets come from `sentence`
  TRIGGERS.forEach((def, priority) => {
    if (!def.keys.some((k) => lower.includes(k))) return;
    def.pattern.lastIndex = 0;
    for (let m = def.pattern.exec(sentence); m; m = def.pattern.exec(sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start) {
        def.pattern.lastIndex++;
        continue;
      }
      if (!isAddressee(m.groups?.['addr'])) {
        def.pattern.lastIndex = start + 1; // a shorter match may start inside this one
        continue;
      }
      const verb = def.objectAtVerb ? m.groups?.['verb'] : undefined;
      const objectStart = verb ? end - verb.length : end;
      if (quoted(start)) continue;
      if (!isRealAsk({ sentence, start, end, objectStart, question: def.question === true })) continue;
      if (def.continuation && !continuationHasObject(sentence, objectStart)) continue;
      const kind = typeof def.kind === 'function' ? def.kind(m) : def.kind;
      const label = def.label(m, sentence.slice(end, end + 40));
      out.push({ id: def.id, label, kind, start, end, objectStart, priority, def });
    }
  });
  return out;
}

/**
 * Where phrases overlap, the more specific one (earlier in TRIGGERS) wins. Overlaps are resolved cluster by
 * cluster (phrases that chain into each other), so a long sentence costs little more than a short one.
 */
function resolveOverlaps(all: Candidate[]): Candidate[] {
  const byStart = [...all].sort((a, b) => a.start - b.start || a.priority - b.priority);
  const kept: Candidate[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;
  const flush = () => {
    const first = cluster[0]?.start ?? 0;
    // Characters already claimed by a chosen phrase: checking a phrase costs its own length, however many
    // phrases chain together.
    const taken = new Uint8Array(Math.max(0, clusterEnd - first));
    const chosen: Candidate[] = [];
    for (const c of [...cluster].sort((a, b) => a.priority - b.priority || a.start - b.start)) {
      if (taken.subarray(c.start - first, c.end - first).includes(1)) continue;
      taken.fill(1, c.start - first, c.end - first);
      chosen.push(c);
    }
    kept.push(...chosen.sort((a, b) => a.start - b.start));
    cluster = [];
  };
  for (const c of byStart) {
    if (c.start >= clusterEnd && cluster.length > 0) flush();
    cluster.push(c);
    clusterEnd = Math.max(clusterEnd, c.end);
  }
  flush();
  return kept;
}

/**
 * The requests in one sentence, in order, each with the text it asks for: up to the next request or the
 * end of the sentence. Two requests give two asks only when each is a clause of its own: a phrase that
 * follows another with nothing but "you could" between them is part of the first ask.
 */
export function findAsks(sentence: string, quoted: (i: number) => boolean): Ask[] {
  const kept = resolveOverlaps(candidates(sentence, quoted));
  const accepted: Candidate[] = [];
  for (const c of kept) {
    const previous = accepted[accepted.length - 1];
    if (c.def.continuation && !(previous && IMPERATIVE_IDS.has(previous.id) && separateContinuation(sentence, previous, c))) continue;
    if (previous && !hasContent(sentence.slice(previous.end, c.start))) continue;
    accepted.push(c);
  }
  return accepted.map((c, i) => ({
    id: c.id,
    label: c.label,
    kind: c.kind,
    start: c.start,
    end: c.end,
    objectStart: c.objectStart,
    objectEnd: accepted[i + 1]?.start ?? sentence.length,
  }));
}
