import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PartnerKind } from '../../src/generated/graphql';
import { idOf, toGlobalId } from '../../src/platform/graphql/global-id';
import { createKey, keyCall } from '../api-keys';
import { download, pngImage, upload } from '../attachments';
import { createCustomer, createLead, createProject, createTeam, signedIn, type Session } from '../factories';
import { useTestApp } from '../harness';

/**
 * The photos and documents columns of the authorization matrix: every role of team A, the manager of team B and an
 * admin × attachments on a crew's project (one the field tech uploaded), an office project, the sales member's lead and
 * another member's, a claim (shared with its adjuster, and not), team B's project and claim — {by id, node, the owner's
 * list with totalCount, nested under the owner, the file by the viewer's own signed URL, updateAttachment,
 * deleteAttachment, restoreAttachment, POST /uploads to each owner}; and a key of each partner kind and a second
 * adjuster × every attachment {AdjusterClaim.photos, its file, the staff operations, POST /uploads}. An attachment is
 * seen as its owner is; only the adjuster partner's key reaches those shared on the claims it adjusts.
 * 0 unauthorized reads or writes.
 */
type Who = 'admin' | 'managerA' | 'salesA' | 'techA' | 'managerB';
const WHO: Who[] = ['admin', 'managerA', 'salesA', 'techA', 'managerB'];
const KINDS: PartnerKind[] = ['REALTOR', 'INSURANCE_AGENT', 'INSURANCE_ADJUSTER', 'HOME_INSPECTOR', 'PROPERTY_MANAGER', 'SUPPLIER', 'OTHER'];
type Owner = 'crew' | 'office' | 'leadMine' | 'leadOther' | 'claim' | 'projectB' | 'claimB';
const OWNERS: Owner[] = ['crew', 'office', 'leadMine', 'leadOther', 'claim', 'projectB', 'claimB'];

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'crm-files-'));
});
const { t } = useTestApp({ env: () => ({ FILES_DIR: dir }) });
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const who = {} as Record<Who, Session>;
const owners = {} as Record<Owner, string>;
/** Attachment key → global ID. */
const files: Record<string, string> = {};
const keys = {} as Record<PartnerKind | 'otherAdjuster', string>;

/** Each attachment: its owner, who uploads it, whether it is shared with the adjuster. */
const FILES: Record<string, { owner: Owner; by: Who; shared?: boolean }> = {
  fCrew: { owner: 'crew', by: 'managerA', shared: true },
  fCrewTech: { owner: 'crew', by: 'techA' },
  fOffice: { owner: 'office', by: 'managerA' },
  fLeadMine: { owner: 'leadMine', by: 'salesA' },
  fLeadOther: { owner: 'leadOther', by: 'managerA' },
  fClaim: { owner: 'claim', by: 'managerA', shared: true },
  fClaimHidden: { owner: 'claim', by: 'managerA' },
  fB: { owner: 'projectB', by: 'managerB', shared: true },
  fClaimB: { owner: 'claimB', by: 'managerB', shared: true },
};
const ALL = Object.keys(FILES);
/** The records each viewer may see (and add files to, but for the field tech's office project and leads). */
const SEES_OWNERS: Record<Who, Owner[]> = {
  admin: OWNERS,
  managerA: ['crew', 'office', 'leadMine', 'leadOther', 'claim'],
  salesA: ['crew', 'office', 'leadMine', 'claim'],
  techA: ['crew', 'claim'],
  managerB: ['projectB', 'claimB'],
};
const sees = (w: Who, f: string) => SEES_OWNERS[w].includes(FILES[f]!.owner);
/** What a change (caption, trash) of `f` by `w` answers: field techs change only their own uploads. */
const changeOutcome = (w: Who, f: string) => (!sees(w, f) ? 'NOT_FOUND' : w === 'techA' && FILES[f]!.by !== 'techA' ? 'FORBIDDEN' : 'ok');
/** The attachments each adjuster's key sees: shared ones on the claims its partner adjusts. */
const ADJUSTS: Partial<Record<PartnerKind | 'otherAdjuster', { claim: Owner; files: string[] }>> = {
  INSURANCE_ADJUSTER: { claim: 'claim', files: ['fClaim'] },
  otherAdjuster: { claim: 'claimB', files: ['fClaimB'] },
};

beforeAll(async () => {
  const a = await createTeam(t.ds, 'Team A');
  const b = await createTeam(t.ds, 'Team B');
  who.admin = await signedIn(t, 'ADMIN');
  who.managerA = await signedIn(t, 'MANAGER', a.id);
  who.salesA = await signedIn(t, 'SALES', a.id);
  who.techA = await signedIn(t, 'FIELD_TECH', a.id);
  who.managerB = await signedIn(t, 'MANAGER', b.id);
  const otherSalesA = await signedIn(t, 'SALES', a.id);
  const cA = await createCustomer(t.ds, { teamId: a.id });
  const cB = await createCustomer(t.ds, { teamId: b.id });
  const partner = async (name: string, kind: PartnerKind, teamId: string) =>
    (await t.gql(`mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id } } }`, { i: { name, kind, teamId: toGlobalId('Team', teamId) } }, who.admin.accessToken)).body.data.createPartner.partner.id as string;
  const partnerIds = {} as Record<PartnerKind | 'otherAdjuster', string>;
  for (const kind of KINDS) partnerIds[kind] = await partner(`${kind} partner`, kind, a.id);
  partnerIds.otherAdjuster = await partner('Other adjuster', 'INSURANCE_ADJUSTER', b.id);
  const crew = await createProject(t.ds, cA, {}, [who.techA.user.id]);
  const projectB = await createProject(t.ds, cB);
  owners.crew = toGlobalId('Project', crew.id);
  owners.office = toGlobalId('Project', (await createProject(t.ds, cA)).id);
  owners.leadMine = toGlobalId('Lead', (await createLead(t.ds, { teamId: a.id, assigneeId: who.salesA.user.id })).id);
  owners.leadOther = toGlobalId('Lead', (await createLead(t.ds, { teamId: a.id, assigneeId: otherSalesA.user.id })).id);
  owners.projectB = toGlobalId('Project', projectB.id);
  const claim = async (projectId: string, adjuster: string, token: string) =>
    (await t.gql(`mutation($i: CreateClaimInput!) { createClaim(input: $i) { claim { id } } }`, { i: { carrier: 'Matrix Mutual', dateOfLoss: '2026-05-01', causeOfLoss: 'HAIL', projectId, adjuster: { partnerId: adjuster } } }, token)).body.data.createClaim.claim.id as string;
  owners.claim = await claim(owners.crew, partnerIds.INSURANCE_ADJUSTER, who.managerA.accessToken);
  owners.claimB = await claim(owners.projectB, partnerIds.otherAdjuster, who.managerB.accessToken);
  const png = await pngImage();
  for (const [key, f] of Object.entries(FILES)) {
    const up = await upload(t, who[f.by].accessToken, png, { ownerId: owners[f.owner], fileName: `${key}.png`, kind: 'DAMAGE', shared: f.shared });
    if (up.status !== 201) throw new Error(`upload ${key}: ${JSON.stringify(up)}`);
    files[key] = up.body.id;
  }
  for (const kind of [...KINDS, 'otherAdjuster'] as const) {
    const scopes = kind === 'INSURANCE_ADJUSTER' || kind === 'otherAdjuster' ? ['CLAIMS_READ', 'CLAIMS_ADJUST', 'PARTNER_READ'] : ['PARTNER_READ', 'REFERRALS_READ', 'REFERRALS_WRITE'];
    keys[kind] = (await createKey(t, who.admin.accessToken, { name: `${kind} key`, partnerId: partnerIds[kind], scopes, allowFreeFormQueries: true, rateLimitPerMinute: 6000, costPerMinute: 1000000 })).secret;
  }
}, 60_000);

const keyOf = (id: string) => Object.entries(files).find(([, g]) => g === id)?.[0] ?? `?${id}`;
const nestedField: Record<Owner, string> = { crew: 'project', office: 'project', leadMine: 'lead', leadOther: 'lead', claim: 'claim', projectB: 'project', claimB: 'claim' };
const row = async (f: string) => (await t.ds.query(`SELECT caption, deleted_at, updated_at FROM attachments WHERE id = $1`, [idOf('Attachment', files[f])]))[0];
const asAdmin = (mutation: string, f: string) => t.gql(`mutation($id: ID!) { r: ${mutation}(id: $id) { errors { code } } }`, { id: files[f] }, who.admin.accessToken);
const outcomeOf = (r: { body: { errors?: Array<{ extensions?: { code?: string } }>; data?: any } }) =>
  r.body.errors?.[0]?.extensions?.code === 'FORBIDDEN' ? 'ROLE' : (r.body.data.r.errors[0]?.code ?? 'ok');

describe.each(WHO)('%s', (w) => {
  const token = () => who[w].accessToken;

  it('reads by id, node, the owner list (with totalCount), nested and by file URL exactly the attachments of records it sees', async () => {
    for (const f of ALL) {
      const r = await t.gql(`query($id: ID!) { attachment(id: $id) { id url } node(id: $id) { id } }`, { id: files[f] }, token());
      const yes = sees(w, f);
      expect({ f, attachment: r.body.data.attachment?.id ?? null, node: r.body.data.node?.id ?? null }).toEqual({ f, attachment: yes ? files[f] : null, node: yes ? files[f] : null });
      if (yes) expect({ f, status: (await download(t, r.body.data.attachment.url, token())).status }).toEqual({ f, status: 200 });
    }
    for (const o of OWNERS) {
      const expected = ALL.filter((f) => FILES[f]!.owner === o && sees(w, f)).sort();
      const list = await t.gql(`query($o: ID!) { attachments(ownerId: $o, first: 100) { totalCount edges { node { id } } } parent: ${nestedField[o]}(id: $o) { attachments { id } } }`, { o: owners[o] }, token());
      const listed = list.body.data.attachments.edges.map((e: { node: { id: string } }) => keyOf(e.node.id)).sort();
      const nested = (list.body.data.parent?.attachments ?? []).map((a: { id: string }) => keyOf(a.id)).sort();
      expect({ o, listed, totalCount: list.body.data.attachments.totalCount, nested }).toEqual({ o, listed: expected, totalCount: expected.length, nested: expected });
    }
  });

  it('changes (caption, trash) exactly the attachments it may; restores only as an admin or manager; nothing else changes', async () => {
    for (const f of ALL) {
      const before = await row(f);
      const expected = changeOutcome(w, f);
      const update = await t.gql(`mutation($id: ID!) { r: updateAttachment(input: { id: $id, caption: "matrix ${w}" }) { errors { code } } }`, { id: files[f] }, token());
      expect({ w, f, op: 'update', outcome: outcomeOf(update) }).toEqual({ w, f, op: 'update', outcome: expected });
      const del = await t.gql(`mutation($id: ID!) { r: deleteAttachment(id: $id) { errors { code } } }`, { id: files[f] }, token());
      expect({ w, f, op: 'delete', outcome: outcomeOf(del) }).toEqual({ w, f, op: 'delete', outcome: expected });
      if (expected !== 'ok') expect(await row(f)).toEqual(before);
      // In the trash (by this viewer, else by an admin): only admins and managers who see it restore it.
      if (expected !== 'ok') await asAdmin('deleteAttachment', f);
      const restore = await t.gql(`mutation($id: ID!) { r: restoreAttachment(id: $id) { errors { code } } }`, { id: files[f] }, token());
      const restores = w === 'salesA' || w === 'techA' ? 'ROLE' : sees(w, f) ? 'ok' : 'NOT_FOUND';
      expect({ w, f, op: 'restore', outcome: outcomeOf(restore) }).toEqual({ w, f, op: 'restore', outcome: restores });
      if (restores !== 'ok') {
        expect((await row(f)).deleted_at).not.toBeNull();
        await asAdmin('restoreAttachment', f);
      }
    }
  });
});

describe.each([...KINDS, 'otherAdjuster'] as const)('a %s key', (kind) => {
  const adjusts = ADJUSTS[kind];

  it("reaches only the shared attachments of the claims its partner adjusts, by a URL for itself; staff attachment operations are outside its schema", async () => {
    for (const o of ['claim', 'claimB'] as const) {
      const r = await keyCall(t, keys[kind], { query: 'query($id: ID!) { myClaim(id: $id) { photos { id url } } }', variables: { id: owners[o] } });
      if (!adjusts) {
        expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        continue;
      }
      const photos: Array<{ id: string; url: string }> = r.body.data.myClaim?.photos ?? [];
      expect({ o, photos: photos.map((p) => keyOf(p.id)) }).toEqual({ o, photos: o === adjusts.claim ? adjusts.files : [] });
      for (const p of photos) expect((await download(t, p.url, keys[kind])).status).toBe(200);
    }
    for (const f of ALL) {
      for (const query of ['query($id: ID!) { attachment(id: $id) { id } }', 'query($id: ID!) { attachments(ownerId: $id) { totalCount } }', 'mutation($id: ID!) { deleteAttachment(id: $id) { errors { code } } }',
        'mutation($id: ID!) { updateAttachment(input: { id: $id, sharedWithAdjuster: true }) { errors { code } } }', 'mutation($id: ID!) { restoreAttachment(id: $id) { errors { code } } }']) {
        expect((await keyCall(t, keys[kind], { query, variables: { id: files[f] } })).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      }
      // A staff member's URL does not serve a key.
      const staffUrl = (await t.gql(`query($id: ID!) { attachment(id: $id) { url } }`, { id: files[f] }, who.admin.accessToken)).body.data.attachment.url as string;
      expect({ f, status: (await download(t, staffUrl, keys[kind])).status }).toEqual({ f, status: 403 });
    }
    // Keys never upload.
    for (const o of OWNERS) expect(await upload(t, keys[kind], await pngImage(), { ownerId: owners[o], fileName: 'key.png' })).toMatchObject({ status: 403 });
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM attachments`)).toEqual([{ n: ALL.length }]);
  });
});

describe.each(WHO)('%s uploading', (w) => {
  it('adds files exactly to the records it may (field techs: their crews\' projects and those projects\' claims)', async () => {
    const png = await pngImage();
    for (const o of OWNERS) {
      const expected = !SEES_OWNERS[w].includes(o) ? 404 : 201;
      const up = await upload(t, who[w].accessToken, png, { ownerId: owners[o], fileName: `${w}.png` });
      expect({ w, o, status: up.status }).toEqual({ w, o, status: expected });
    }
  });
});
