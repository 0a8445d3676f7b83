import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useViewer } from '../../app/auth';
import { graphql } from '../../gql';
import type { SettingsTeamsQuery as TeamsData } from '../../gql/graphql';
import { Badge, Button, Card, EmptyState } from '../../ui';
import { AssignmentDialog } from './AssignmentDialog';
import { roleLabel, strategyLabel } from './options';
import { Loaded, Section } from './Section';
import { TeamDialog } from './TeamDialog';
import shared from './settings.module.css';
import styles from './TeamsSettings.module.css';

export const SettingsTeamsQuery = graphql(`
  query SettingsTeams {
    teams {
      id
      name
      assignmentStrategy
      manager {
        id
        name
      }
      members {
        id
        name
        role
        active
      }
      territories {
        zipPrefix
        user {
          id
          name
        }
      }
    }
  }
`);

export type SettingsTeam = TeamsData['teams'][number];

type Open = { kind: 'create' } | { kind: 'edit' | 'assignment'; team: SettingsTeam } | null;

/**
 * Admins and managers: every team with its manager, members and how new leads are assigned. Admins create, rename and
 * set the manager of teams; the assignment strategy is changed by admins and by managers of the team (one they belong
 * to or manage, as the API decides).
 */
export function TeamsSettings() {
  const { viewer } = useViewer();
  const isAdmin = viewer?.role === 'ADMIN';
  const { data, error, refetch } = useQuery(SettingsTeamsQuery);
  const [open, setOpen] = useState<Open>(null);
  const mayAssign = (t: SettingsTeam) =>
    isAdmin || (viewer?.role === 'MANAGER' && (t.manager?.id === viewer.id || viewer.team?.id === t.id));

  return (
    <Section
      title="Teams"
      description="Crews of staff, their manager, and how each team’s new unassigned leads are handed out."
      actions={
        isAdmin && (
          <Button variant="primary" onClick={() => setOpen({ kind: 'create' })}>
            New team
          </Button>
        )
      }
    >
      <Loaded data={data} error={error} onRetry={() => void refetch()} errorTitle="Teams could not be loaded" loadingLabel="Loading teams…">
        {(data) =>
          data.teams.length === 0 ? (
            <Card>
              <EmptyState icon="customers" title="No teams yet" description={isAdmin ? 'Create the first one.' : undefined} />
            </Card>
          ) : (
            <div className={styles.teamGrid}>
              {data.teams.map((team) => {
                const active = team.members.filter((m) => m.active);
                const inactive = team.members.length - active.length;
                return (
                  <Card
                    key={team.id}
                    title={team.name}
                    actions={
                      (isAdmin || mayAssign(team)) && (
                        <div className={styles.teamActions}>
                          {isAdmin && (
                            <Button size="sm" onClick={() => setOpen({ kind: 'edit', team })} aria-label={`Edit team ${team.name}`}>
                              Edit
                            </Button>
                          )}
                          {mayAssign(team) && (
                            <Button
                              size="sm"
                              onClick={() => setOpen({ kind: 'assignment', team })}
                              aria-label={`Lead assignment of ${team.name}`}
                            >
                              Assignment
                            </Button>
                          )}
                        </div>
                      )
                    }
                  >
                    <dl className={shared.facts}>
                      <div>
                        <dt>Manager</dt>
                        <dd>{team.manager?.name ?? <span className={shared.muted}>None</span>}</dd>
                      </div>
                      <div>
                        <dt>Lead assignment</dt>
                        <dd>
                          <Badge tone="info">{strategyLabel(team.assignmentStrategy)}</Badge>
                        </dd>
                      </div>
                    </dl>
                    {team.assignmentStrategy === 'TERRITORY' && (
                      <div className={styles.block}>
                        <h3 className={styles.blockTitle}>Territories</h3>
                        {team.territories.length === 0 ? (
                          <p className={shared.muted}>None yet: every lead goes round robin.</p>
                        ) : (
                          <ul className={styles.chips}>
                            {team.territories.map((t) => (
                              <li key={t.zipPrefix}>
                                <span className={styles.zip}>{t.zipPrefix}…</span> {t.user.name}
                              </li>
                            ))}
                          </ul>
                        )}
                      </div>
                    )}
                    <div className={styles.block}>
                      <h3 className={styles.blockTitle}>
                        Members ({active.length}
                        {inactive > 0 && `, ${inactive} deactivated`})
                      </h3>
                      {team.members.length === 0 ? (
                        <p className={shared.muted}>No members yet.</p>
                      ) : (
                        <ul className={styles.members}>
                          {team.members.map((m) => (
                            <li key={m.id} className={m.active ? undefined : styles.inactiveMember}>
                              <span>{m.name}</span>
                              <span className={shared.muted}>
                                {roleLabel(m.role)}
                                {!m.active && ' · deactivated'}
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </div>
                  </Card>
                );
              })}
            </div>
          )
        }
      </Loaded>
      {isAdmin && (
        <p className={shared.note}>Add people to a team, or move them, under Users → Edit.</p>
      )}
      {open?.kind === 'create' && <TeamDialog onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && <TeamDialog team={open.team} onClose={() => setOpen(null)} />}
      {open?.kind === 'assignment' && <AssignmentDialog team={open.team} onClose={() => setOpen(null)} />}
    </Section>
  );
}
