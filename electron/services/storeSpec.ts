import { z } from 'zod';
import type { CollectionSpec, DocSpec, Migration } from '../store';
import {
  ccGroupRecord,
  contactRecord,
  defaultOfficeProfile,
  officeProfile,
  organisationRecord,
  signatoryRecord,
} from '../core/addressBook/schemas';
import { letterRecord } from '../core/letters/letterSchema';
import { m002CommitmentTracking } from './migrations/m002CommitmentTracking';
import { replyRecord } from '../core/replies/replySchema';
import { preferencesSchema } from './letters/deadlines';
import { remindersDocSchema } from './reminders';

/** The JSON store's record of the highest sequence issued per reference stem. */
export const referenceCountersSchema = z.object({ counters: z.record(z.string(), z.number().int().min(0)) });

/**
 * What the JSON store of versions before the SQLite register held: kept so that such a data folder can be
 * read and carried over (see electron/store/sql/importJson). Shard counts are sized so one shard stays small at the largest size we plan for
 * (5,000 contacts → ~160 per shard); changing a count later needs a migration, as records would move.
 */
export const SCHEMA_VERSION = 2;

export const collections: CollectionSpec[] = [
  { name: 'organisations', shards: 8, schema: organisationRecord },
  { name: 'contacts', shards: 32, schema: contactRecord },
  { name: 'signatories', shards: 1, schema: signatoryRecord },
  { name: 'ccGroups', shards: 4, schema: ccGroupRecord },
  // 50,000 letters of a few kilobytes each: ~200 letters (under a megabyte) per shard file.
  { name: 'letters', shards: 256, schema: letterRecord },
  { name: 'replies', shards: 64, schema: replyRecord },
];

export const docs: DocSpec[] = [
  { name: 'office', schema: officeProfile, initial: defaultOfficeProfile },
  { name: 'referenceCounters', schema: referenceCountersSchema, initial: { counters: {} } },
  { name: 'preferences', schema: preferencesSchema, initial: preferencesSchema.parse({}) },
  { name: 'reminders', schema: remindersDocSchema, initial: remindersDocSchema.parse({}) },
];

/** Ordered; each entry's `to` is the version it produces (version 1 was the first shape). One file each. */
export const migrations: Migration[] = [m002CommitmentTracking];
