import type { SqlMigration } from '../migrate';
import { m001Initial } from './001_initial';

/** Every migration, in order; the last one's version is the schema this app writes. One file each. */
export const migrations: readonly SqlMigration[] = [m001Initial];

export const SCHEMA_VERSION = migrations.length;
