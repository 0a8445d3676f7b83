import { Column, PrimaryGeneratedColumn } from 'typeorm';

/** What notifications and alerts share: a title and body about a record (its GraphQL type name and key). */
export abstract class NoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  /** GraphQL type name of the record it is about. */
  @Column({ name: 'entity_type', type: 'varchar', length: 40, nullable: true })
  entityType: string | null;

  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId: string | null;
}
