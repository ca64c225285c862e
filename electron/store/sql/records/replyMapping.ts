import { replyRecord } from '../../../core/replies/replySchema';
import type { Reply } from '../../../core/replies/replySchema';
import type { RecordMapping } from './recordTable';

/** A reply: its answers and attachments are rows of their own, so "what did they say about X" is a query. */
export const replyMapping: RecordMapping<Reply> = {
  table: 'replies',
  recordType: 'reply',
  label: 'replies',
  schema: replyRecord,
  columns: (r) => ({
    columns: { letter_id: r.letterId, received_date: r.receivedDate, from_name: r.from, their_reference: r.theirReference },
    omit: ['letterId', 'receivedDate', 'from', 'theirReference', 'answers', 'attachments'],
  }),
  restore: (row) => ({ letterId: row['letter_id'], receivedDate: row['received_date'], from: row['from_name'], theirReference: row['their_reference'] }),
  children: {
    async write(trx, r) {
      await trx.deleteFrom('reply_answers').where('reply_id', '=', r.id).execute();
      await trx.deleteFrom('reply_attachments').where('reply_id', '=', r.id).execute();
      if (r.answers.length > 0) {
        await trx
          .insertInto('reply_answers')
          .values(r.answers.map((a, position) => ({ reply_id: r.id, position, commitment_id: a.commitmentId, status: a.status, note: a.note })))
          .execute();
      }
      if (r.attachments.length > 0) {
        await trx
          .insertInto('reply_attachments')
          .values(r.attachments.map((a, position) => ({ reply_id: r.id, position, id: a.id, name: a.name, size: a.size, sha256: a.sha256 })))
          .execute();
      }
    },
    async read(db, ids) {
      const out = new Map<string, { answers: unknown[]; attachments: unknown[] }>();
      for (const id of ids) out.set(id, { answers: [], attachments: [] });
      const answers = await db.selectFrom('reply_answers').selectAll().where('reply_id', 'in', ids).orderBy('reply_id').orderBy('position').execute();
      for (const a of answers) out.get(a.reply_id)!.answers.push({ commitmentId: a.commitment_id, status: a.status, note: a.note });
      const files = await db.selectFrom('reply_attachments').selectAll().where('reply_id', 'in', ids).orderBy('reply_id').orderBy('position').execute();
      for (const f of files) out.get(f.reply_id)!.attachments.push({ id: f.id, name: f.name, size: f.size, sha256: f.sha256 });
      return out;
    },
  },
};
