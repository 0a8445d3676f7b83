import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportField, ImportKind, ImportRowOutcome, ImportStatus } from '../../generated/graphql';

/** What a dry run or a run found: rows looked at and how each ended. */
export interface ImportCountsData {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  reject: number;
}

/** A CSV file being imported (its bytes are in `import_chunks`), its mapping, progress and counts. */
@Entity('imports')
export class ImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  kind: ImportKind;

  /** UPLOADING while the file streams in (never shown); then the `ImportStatus`es. */
  @Column({ type: 'varchar', length: 12 })
  status: ImportStatus | 'UPLOADING';

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  /** bigint, as a string. */
  @Column({ name: 'size_bytes', type: 'bigint', default: 0 })
  sizeBytes: string;

  @Column({ name: 'row_count', type: 'integer', default: 0 })
  rowCount: number;

  @Column({ type: 'varchar', length: 1, default: ',' })
  delimiter: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  headers: string[];

  /** The first rows' cells, per row. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  samples: string[][];

  /** The field of each column (by index); null: skipped. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  mapping: Array<ImportField | null>;

  @Column({ name: 'update_existing', type: 'boolean', default: true })
  updateExisting: boolean;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  /** The last dry run's counts; null before one (and after the mapping changed). */
  @Column({ type: 'jsonb', nullable: true })
  checked: ImportCountsData | null;

  /** Rows the current dry run or run has finished (a run resumes after them). */
  @Column({ name: 'processed_rows', type: 'integer', default: 0 })
  processedRows: number;

  @Column({ name: 'created_count', type: 'integer', default: 0 })
  createdCount: number;

  @Column({ name: 'updated_count', type: 'integer', default: 0 })
  updatedCount: number;

  @Column({ name: 'unchanged_count', type: 'integer', default: 0 })
  unchangedCount: number;

  @Column({ name: 'rejected_count', type: 'integer', default: 0 })
  rejectedCount: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  failure: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', precision: 3, nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}

/** A row's problem as stored: the field (null: the row) and the user error. */
export interface ImportRowErrorData {
  field: ImportField | null;
  code: string;
  message: string;
}

/** One row of a dry run or a run: how it ended, the record, why it was refused (and its cells then). */
@Entity('import_rows')
export class ImportRowEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId: string;

  @PrimaryColumn({ type: 'varchar', length: 5 })
  phase: 'CHECK' | 'RUN';

  @PrimaryColumn({ name: 'row_number', type: 'integer' })
  rowNumber: number;

  @Column({ type: 'varchar', length: 10 })
  outcome: ImportRowOutcome;

  @Column({ name: 'record_id', type: 'uuid', nullable: true })
  recordId: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors: ImportRowErrorData[];

  /** The row as written, for the error report (rejected rows only). */
  @Column({ type: 'jsonb', nullable: true })
  cells: string[] | null;
}
