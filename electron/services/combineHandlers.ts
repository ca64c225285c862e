import type { Handlers } from '../ipc/contract';

type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * Every feature's handlers as one set. A method answered by two sets would have one of them silently
 * replaced by whichever came last (as object spreads do), so that is refused when the app is built; the
 * caller's `Handlers` type then checks that every method has an answer.
 */
export function combineHandlers<S extends Partial<Handlers>[]>(...sets: S): Intersection<S[number]> {
  const out: Record<string, unknown> = {};
  for (const set of sets) {
    for (const [name, handler] of Object.entries(set)) {
      if (Object.hasOwn(out, name)) throw new Error(`Two handler sets both answer ${name}: each method must have one answer.`);
      out[name] = handler;
    }
  }
  return out as Intersection<S[number]>;
}
