/** The demo company's referral partners and their contacts, generated in memory (rows keyed by column name). */
import type { EntityManager } from 'typeorm';
import { FIRST_NAMES, LAST_NAMES, slug } from './names';
import { daysBefore, type Rng } from './random';
import { feeAmountSql } from '../modules/partners/referral-fee.service';
import type { DemoContext } from './demo-crm';

type PartnerKind = 'REALTOR' | 'INSURANCE_AGENT' | 'INSURANCE_ADJUSTER' | 'HOME_INSPECTOR' | 'PROPERTY_MANAGER' | 'SUPPLIER' | 'OTHER';

/** Fifteen partners: name, kind, contact roles, and the fee terms usual for their kind. */
const PARTNERS: Array<[string, PartnerKind, string[]]> = [
  ['Lakes Realty Group', 'REALTOR', ['Broker', 'Agent']],
  ['North Star Homes Realty', 'REALTOR', ['Agent']],
  ['Twin Cities Property Partners', 'REALTOR', ['Broker', 'Agent', 'Office manager']],
  ['Edina Home Sellers', 'REALTOR', ['Agent']],
  ['Prairie Mutual Insurance', 'INSURANCE_AGENT', ['Agent']],
  ['Heartland Insurance Agency', 'INSURANCE_AGENT', ['Agent', 'Claims liaison']],
  ['Great Lakes Claims Services', 'INSURANCE_ADJUSTER', ['Field adjuster', 'Desk adjuster']],
  ['Midwest Independent Adjusters', 'INSURANCE_ADJUSTER', ['Field adjuster']],
  ['Clear View Home Inspections', 'HOME_INSPECTOR', ['Inspector']],
  ['Keystone Inspection Co.', 'HOME_INSPECTOR', ['Inspector', 'Scheduler']],
  ['Cedar Court HOA Management', 'PROPERTY_MANAGER', ['Property manager']],
  ['Riverside Rentals', 'PROPERTY_MANAGER', ['Maintenance lead']],
  ['Summit Roofing Supply', 'SUPPLIER', ['Sales rep']],
  ['Metro Gutter & Siding', 'OTHER', ['Owner']],
  ['Storm Watch Neighbors Network', 'OTHER', ['Organizer']],
];

export const PARTNER_COLUMNS = ['id', 'name', 'kind', 'status', 'owner_id', 'team_id', 'notes', 'fee_kind', 'fee_percent', 'fee_flat', 'fee_cap', 'created_by', 'created_at', 'updated_at'];
export const PARTNER_CONTACT_COLUMNS = ['id', 'partner_id', 'name', 'email', 'phone', 'role', 'created_at'];

function feeTerms(rng: Rng, kind: PartnerKind) {
  const none = { fee_kind: 'NONE', fee_percent: null, fee_flat: null, fee_cap: null };
  switch (kind) {
    case 'REALTOR':
    case 'PROPERTY_MANAGER':
      return { ...none, fee_kind: 'PERCENT', fee_percent: rng.pick(['1.50', '2.00', '2.50', '3.00']), fee_cap: rng.chance(0.5) ? '1500.00' : null };
    case 'INSURANCE_AGENT':
    case 'HOME_INSPECTOR':
      return { ...none, fee_kind: 'FLAT', fee_flat: rng.pick(['150.00', '200.00', '250.00']) };
    default:
      return none;
  }
}

export function makePartners(ctx: DemoContext) {
  const { rng, now } = ctx;
  const partners: Array<Record<string, unknown>> = [];
  const contacts: Array<Record<string, unknown>> = [];
  PARTNERS.forEach(([name, kind, roles], i) => {
    const team = ctx.teams[i % ctx.teams.length]!;
    const owner = rng.pick([...team.sales, ...team.managers]);
    const created = daysBefore(now, rng.int(30, 700));
    const id = rng.uuid();
    partners.push({
      id,
      name,
      kind,
      status: i === 7 ? 'PAUSED' : i === 14 ? 'ENDED' : 'ACTIVE',
      owner_id: owner,
      team_id: team.id,
      notes: rng.chance(0.4) ? 'Met at the spring home show; prefers e-mail for updates.' : null,
      ...feeTerms(rng, kind),
      created_by: owner,
      created_at: created,
      updated_at: created,
    });
    for (const role of roles) {
      const person = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
      contacts.push({
        id: rng.uuid(),
        partner_id: id,
        name: person,
        email: `${slug(person)}@${slug(name)}.example`,
        phone: `+1612555${String(2000 + contacts.length).padStart(4, '0')}`,
        role,
        created_at: created,
      });
    }
  });
  return { partners, contacts };
}

/**
 * The fees of the demo's converted referrals (partners with fee terms), accrued when their project was created and,
 * in turn by age, left ACCRUED, APPROVED three days later or also PAID ten days later, by the team's manager.
 */
export async function seedReferralFees(m: EntityManager, now: Date): Promise<number> {
  const rows: unknown[] = await m.query(
    `INSERT INTO referral_fees (partner_id, project_id, lead_id, team_id, amount, status, accrued_at, approved_at, approved_by_id, paid_at, paid_by_id, created_at, updated_at)
     SELECT f.partner_id, f.project_id, f.lead_id, f.team_id, f.amount, f.status, f.accrued_at,
            CASE WHEN f.status <> 'ACCRUED' THEN f.approved_at END, CASE WHEN f.status <> 'ACCRUED' THEN f.manager_id END,
            CASE WHEN f.status = 'PAID' THEN f.paid_at END, CASE WHEN f.status = 'PAID' THEN f.manager_id END,
            f.accrued_at, greatest(f.accrued_at, CASE f.status WHEN 'PAID' THEN f.paid_at WHEN 'APPROVED' THEN f.approved_at ELSE f.accrued_at END)
       FROM (SELECT p.id AS partner_id, pr.id AS project_id, l.id AS lead_id, l.team_id, ${feeAmountSql('pr.budget')} AS amount,
                    (ARRAY['PAID', 'APPROVED', 'ACCRUED'])[1 + (row_number() OVER (ORDER BY pr.created_at, pr.id) % 3)::int] AS status,
                    pr.created_at AS accrued_at, least(pr.created_at + interval '3 days', $1::timestamptz) AS approved_at,
                    least(pr.created_at + interval '10 days', $1::timestamptz) AS paid_at, t.manager_id
               FROM leads l
               JOIN partners p ON p.id = l.referred_partner_id AND p.fee_kind <> 'NONE'
               JOIN projects pr ON pr.id = l.converted_project_id
               LEFT JOIN teams t ON t.id = l.team_id) f
     ON CONFLICT (project_id) DO NOTHING
     RETURNING id`,
    [now],
  );
  return rows.length;
}
