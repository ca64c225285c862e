/**
 * How far two registers share their history. History ids are handed out in order and rows are never
 * changed, so two registers agree up to some id and differ after it: a backup taken from the live
 * register is a prefix of it. But a register that was itself restored from an older backup goes on
 * from that backup's ids with new rows, and then a newer backup holds rows under the same ids that the
 * live register never had. Comparing only the highest ids would count those wrongly; finding the last
 * id at which both hold the same row does not.
 */
export type HistoryKey = string | null;

/** A history row's identity for the comparison: when, who, what, to which record. */
export function historyKey(row: { at: string; by: string; record_type: string; record_id: string; action: string } | undefined): HistoryKey {
  return row === undefined ? null : JSON.stringify([row.at, row.by, row.record_type, row.record_id, row.action]);
}

/**
 * The highest id up to which both histories hold the same rows (0: none in common). A binary search:
 * about 17 probes of each register for 100,000 rows, each a primary-key lookup.
 */
export async function sharedHistoryUpTo(
  live: { maxId: number; keyAt(id: number): Promise<HistoryKey> },
  backup: { maxId: number; keyAt(id: number): Promise<HistoryKey> },
): Promise<number> {
  const same = async (id: number) => (await live.keyAt(id)) === (await backup.keyAt(id));
  let differs = Math.min(live.maxId, backup.maxId);
  if (differs === 0 || (await same(differs))) return differs;
  // Rows up to `agrees` are the same; the row at `differs` is not.
  let agrees = 0;
  while (differs - agrees > 1) {
    const mid = Math.floor((agrees + differs) / 2);
    if (await same(mid)) agrees = mid;
    else differs = mid;
  }
  return agrees;
}
