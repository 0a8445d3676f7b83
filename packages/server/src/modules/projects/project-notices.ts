import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../platform/auth/viewer';
import { enumLabel } from '../notifications/notification-text';
import type { NotificationService } from '../notifications/notification.service';
import type { ProjectEntity } from './project.entity';

/**
 * Tells the project's active crew, inside the change's transaction, that its status changed ("Smith roof is now In
 * progress"). The one who changed it is not told.
 */
export async function notifyStatusChanged(m: EntityManager, notifications: NotificationService, viewer: Viewer, project: ProjectEntity): Promise<void> {
  const crew: Array<{ user_id: string }> = await m.query(
    `SELECT pm.user_id FROM project_members pm JOIN users u ON u.id = pm.user_id AND u.active
      WHERE pm.project_id = $1 AND pm.user_id <> $2`,
    [project.id, viewer.id],
  );
  await notifications.notifyAll(
    m,
    crew.map((c) => ({
      recipientId: c.user_id,
      kind: 'PROJECT_STATUS_CHANGED' as const,
      title: `${project.name} is now ${enumLabel(project.status)}`,
      body: `Changed by ${viewer.name}`,
      subject: { type: 'Project', id: project.id },
    })),
  );
}
