import { useCallback, useEffect, useRef, useState } from 'react';
import type { LetterContent } from '../../../../../electron/core/letters/letterSchema';
import type { LetterDetail } from '../../../../../electron/core/letters/views';
import { call } from '../../../api/desk';

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'error';

const journalKey = (id: string) => `desk.draft.${id}`;
interface Journal {
  content: LetterContent;
  /** The letter's updatedAt the edits were made on top of. */
  base: string;
}

function readJournal(id: string): Journal | null {
  try {
    const raw = localStorage.getItem(journalKey(id));
    return raw ? (JSON.parse(raw) as Journal) : null;
  } catch {
    return null;
  }
}

/**
 * The letter being edited, saved automatically. Every change is written at once to a local journal
 * (localStorage, synchronous) and sent to the main process after a short pause; if the window closes or the
 * app crashes before that save lands, the journal is replayed the next time the letter is opened. So nothing
 * typed is lost, even between keystroke and save.
 */
export function useLetterDraft(detail: LetterDetail, opts: { autosave: boolean; onSaved: (d: LetterDetail) => void }) {
  const id = detail.letter.id;
  // Unsaved edits left by a closed window or a crash are always brought back, even if the letter changed
  // since (the officer sees a note and can keep or undo them); dropping them would lose what was typed.
  const [restored] = useState(() => readJournal(id));
  const [content, setContent] = useState<LetterContent>(() => restored?.content ?? detail.letter);
  const [state, setState] = useState<SaveState>(() => (restored ? 'unsaved' : 'saved'));
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(content);
  const base = useRef(detail.letter.updatedAt);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef<Promise<void> | null>(null);
  const dirty = useRef(state === 'unsaved');
  // Read through a ref: the caller passes a new function each render, and `flush` must stay the same
  // function, or the effect below would re-run (and save) on every render.
  const onSaved = useRef(opts.onSaved);
  useEffect(() => {
    onSaved.current = opts.onSaved;
  });

  /** Save what is pending now; true when nothing is left unsaved. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (saving.current) await saving.current;
    if (!dirty.current) return true;
    dirty.current = false;
    const sent = latest.current;
    setState('saving');
    saving.current = (async () => {
      try {
        const saved = await call('letters.update', { id, content: sent, expectedUpdatedAt: base.current });
        base.current = saved.letter.updatedAt;
        if (latest.current === sent) {
          localStorage.removeItem(journalKey(id));
          setState('saved');
        } else {
          localStorage.setItem(journalKey(id), JSON.stringify({ content: latest.current, base: base.current } satisfies Journal));
        }
        setError(null);
        onSaved.current(saved);
      } catch (err) {
        dirty.current = true;
        setState('error');
        setError(err instanceof Error ? err.message : String(err));
      } finally {
        saving.current = null;
      }
    })();
    await saving.current;
    return !dirty.current;
  }, [id]);

  const update = useCallback(
    (patch: Partial<LetterContent>) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      dirty.current = true;
      setContent(next);
      setState('unsaved');
      localStorage.setItem(journalKey(id), JSON.stringify({ content: next, base: base.current } satisfies Journal));
      if (opts.autosave) {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void flush(), 600);
      }
    },
    [id, flush, opts.autosave],
  );

  // Replay a journal left by a closed window or a crash; save what is pending when leaving the letter.
  useEffect(() => {
    if (dirty.current && opts.autosave) void flush();
    const beforeUnload = () => void flush();
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      void flush();
    };
  }, [flush, opts.autosave]);

  /** Another action (a signature, a status change) saved the letter: later saves build on that version. */
  const rebase = useCallback((updatedAt: string) => {
    base.current = updatedAt;
  }, []);

  return { content, update, flush, rebase, state, error, restoredAt: restored ? restored.base : null };
}
