import type { SqlMigration } from '../migrate';
import { m001Initial } from './001_initial';
import { m002DenormalisedForIndexes } from './002_denormalised_for_indexes';

/** Every migration, in order; the last one's version is the schema this app writes. One file each. */
export const migrations: readonly SqlMigration[] = [m001Initial, m002DenormalisedForIndexes];

export const SCHEMA_VERSION = migrations.length;
