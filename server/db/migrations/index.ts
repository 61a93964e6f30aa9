/** Every migration, in order, for Kysely's Migrator (a static provider: no folder scanning at run time). */
import type { Migration, MigrationProvider } from 'kysely';
import type { DialectName } from '../connect.ts';
import { initialMigration } from './001-initial.ts';
import { teacherWorkspaceMigration } from './002-teacher-workspace.ts';
import { deviceAgentMigration } from './003-device-agent.ts';
import { blobContentsMigration } from './004-blob-contents.ts';
import { rateLimitsMigration } from './005-rate-limits.ts';
import { sequencesMigration } from './006-sequences.ts';
import { receivedByFileMigration } from './007-received-by-file.ts';
import { lessonsStartedMigration } from './008-lessons-started.ts';

/** The migrations for one dialect, keyed by name (names sort in the order they run). */
export function migrationProvider(dialect: DialectName): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '001-initial': initialMigration(dialect),
        '002-teacher-workspace': teacherWorkspaceMigration,
        '003-device-agent': deviceAgentMigration,
        '004-blob-contents': blobContentsMigration(dialect),
        '005-rate-limits': rateLimitsMigration(dialect),
        '006-sequences': sequencesMigration,
        '007-received-by-file': receivedByFileMigration,
        '008-lessons-started': lessonsStartedMigration,
      };
    },
  };
}
