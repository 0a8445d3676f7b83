import { fromGlobalId, toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createLead, createTeam, signedIn, twoTeamCast } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { checkImport, importCsv, importRows, mapImport, runImport, settled, uploadCsv } from '../../../test/imports';

// The company's clock (COMPANY_TIME_ZONE) is where a date without a time is read: noon there.
const { t, w } = useTestApp(twoTeamCast, { env: { JOBS_WORKERS: 'true', JOBS_POLL_SECONDS: '0.5', COMPANY_TIME_ZONE: 'America/Chicago' } });

const key = (globalId: string) => fromGlobalId(globalId)!.id;
const count = async (sql: string, params: unknown[] = []) => Number((await t.ds.query(sql, params))[0].n);
const CREATE_CUSTOMER = `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { errors { field code message } } }`;

describe('POST /imports', () => {
  it('needs a signed-in importer, and stores nothing for a refused file', async () => {
    const before = await count('SELECT count(*) AS n FROM imports');
    expect((await uploadCsv(t, null, 'CUSTOMER', 'Name\nA B\n')).status).toBe(401);
    expect((await uploadCsv(t, 'not-a-token', 'CUSTOMER', 'Name\nA B\n')).status).toBe(401);
    expect(await uploadCsv(t, w.as.tech.accessToken, 'CUSTOMER', 'Name\nA B\n')).toMatchObject({ status: 403 });
    expect(await uploadCsv(t, 'crmk_live_0123456789abcdef', 'CUSTOMER', 'Name\nA B\n')).toMatchObject({ status: 403, body: { error: expect.stringContaining('API keys') } });
    expect(await uploadCsv(t, w.as.sales.accessToken, 'INVOICE', 'Name\nA B\n')).toMatchObject({ status: 400 });
    expect(await count('SELECT count(*) AS n FROM imports')).toBe(before);
  });

  it('sniffs CSV: spreadsheets, binary, non-UTF-8, empty and malformed files are refused with the reason', async () => {
    const token = w.as.sales.accessToken;
    const before = await count('SELECT count(*) AS n FROM imports');
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]);
    expect(await uploadCsv(t, token, 'CUSTOMER', xlsx, 'people.xlsx')).toMatchObject({ status: 415, body: { error: expect.stringContaining('Excel workbook') } });
    expect(await uploadCsv(t, token, 'CUSTOMER', Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x00, 0x01]))).toMatchObject({ status: 415 });
    expect(await uploadCsv(t, token, 'CUSTOMER', Buffer.from('Name\nJos\xe9 Garc\xeda\n', 'latin1'))).toMatchObject({ status: 415, body: { error: expect.stringContaining('UTF-8') } });
    expect(await uploadCsv(t, token, 'CUSTOMER', '')).toMatchObject({ status: 400 });
    expect(await uploadCsv(t, token, 'CUSTOMER', 'Name,Email\n')).toMatchObject({ status: 400, body: { error: 'The file has a header row but no data rows.' } });
    expect(await uploadCsv(t, token, 'CUSTOMER', 'Name,Email\n"Dana,dana@example.com\nLee,lee@example.com\n')).toMatchObject({ status: 400, body: { error: expect.stringContaining('not valid CSV') } });
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x61);
    expect(await uploadCsv(t, token, 'CUSTOMER', big)).toMatchObject({ status: 413 });
    expect(await count('SELECT count(*) AS n FROM imports')).toBe(before);
    expect(await count('SELECT count(*) AS n FROM import_chunks')).toBe(await count(`SELECT count(*) AS n FROM import_chunks c JOIN imports i ON i.id = c.import_id`));
  });

  it('stores the file in chunks, counts its rows and suggests a mapping from the headers (semicolons, BOM, quotes)', async () => {
    const csv = '\uFEFFFull Name;E-mail Address;Mobile;Zip Code;Favourite colour\n"Ortiz; Dana";dana@example.com;612 555 0142;55401;blue\nLee Park;;;;\n';
    const up = await uploadCsv(t, w.as.sales.accessToken, 'CUSTOMER', csv);
    expect(up).toMatchObject({ status: 201, body: { status: 'UPLOADED', rowCount: 2 } });
    const imp = await settled(t, w.as.sales.accessToken, up.body.id!);
    expect(imp.columns).toEqual([
      { index: 0, header: 'Full Name', samples: ['Ortiz; Dana', 'Lee Park'], field: 'NAME' },
      { index: 1, header: 'E-mail Address', samples: ['dana@example.com', ''], field: 'EMAIL' },
      { index: 2, header: 'Mobile', samples: ['612 555 0142', ''], field: 'PHONE' },
      { index: 3, header: 'Zip Code', samples: ['55401', ''], field: 'ZIP' },
      { index: 4, header: 'Favourite colour', samples: ['blue', ''], field: null },
    ]);
    expect(imp).toMatchObject({ owningTeam: { name: 'North' }, createdBy: { name: w.as.sales.user.name }, checked: null, progress: 0 });
    const [chunk] = await t.ds.query('SELECT data FROM import_chunks WHERE import_id = $1', [key(up.body.id!)]);
    expect(Buffer.from(chunk.data).toString('utf8')).toBe(csv);
  });
});

describe('customer import', () => {
  it('dry run reports each row and writes nothing; the run lands the good rows, reports the rest, audits each record', async () => {
    const token = w.as.sales.accessToken;
    const existing = await createCustomer(t.ds, { name: 'Morgan Existing', email: 'morgan@example.com', phone: '+16515550000', teamId: w.north });
    const foreign = await createCustomer(t.ds, { email: 'south@example.com', teamId: w.south });
    const csv = [
      'Name,Email,Phone,Street,City,State,Zip,Type,Segment',
      'Dana Hansen,dana.hansen@example.com,(612) 555-0142,1208 Maple Ave,Minneapolis,mn,55401,Residential,storm-2026',
      'Morgan Existing,MORGAN@example.com,,,,,55402,commercial,',
      'X,bad-email,555-12,,,Minnesota,5540,Barn,',
      'Sneaky,south@example.com,,,,,,,',
      'Dana Again,dana.hansen@example.com,,,,,,,',
      ',nobody@example.com,,,,,,,',
      'Lee Park,,+1 651 555 0199,,,,,,',
    ].join('\n');
    const up = await uploadCsv(t, token, 'CUSTOMER', csv);
    expect(up.status).toBe(201);
    const id = up.body.id!;
    const customersBefore = await count('SELECT count(*) AS n FROM customers');
    const auditBefore = await count(`SELECT count(*) AS n FROM audit_log WHERE entity_type <> 'Job'`);

    expect((await checkImport(t, token, id)).body.data.checkImport).toMatchObject({ import: { status: 'CHECKING' }, errors: [] });
    const checked = await settled(t, token, id);
    expect(checked).toMatchObject({ status: 'CHECKED', progress: 1, checked: { rows: 7, create: 2, update: 1, unchanged: 0, reject: 4 }, counts: { rows: 0 } });
    expect(await count('SELECT count(*) AS n FROM customers')).toBe(customersBefore);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE entity_type <> 'Job'`)).toBe(auditBefore);
    expect(checked.errorReportPath).toBe(`/imports/${encodeURIComponent(id)}/errors.csv`);
    const dry = await importRows(t, token, id, 'CHECK');
    expect(dry.map((r) => [r.rowNumber, r.outcome])).toEqual([
      [2, 'CREATE'],
      [3, 'UPDATE'],
      [4, 'REJECT'],
      [5, 'REJECT'],
      [6, 'REJECT'],
      [7, 'REJECT'],
      [8, 'CREATE'],
    ]);
    expect(dry[1].recordId).toBe(toGlobalId('Customer', existing.id));
    // The same rules and messages as createCustomer, named by field and column.
    const bad = dry[2].errors.map((e: any) => `${e.field}/${e.column}:${e.code}:${e.message}`).sort();
    expect(bad).toEqual([
      'CUSTOMER_TYPE/Type:INVALID:"Barn" is not one of: residential, commercial.',
      'EMAIL/Email:INVALID:"bad-email" is not a valid e-mail address.',
      'NAME/Name:INVALID:Name must be at least 2 characters.',
      'PHONE/Phone:INVALID:Phone is not a valid phone number.',
      'STATE/State:TOO_LONG:State must be at most 2 characters.',
      'ZIP/Zip:INVALID:ZIP must look like 55401 or 55401-1234.',
    ]);
    const api = await t.gql(CREATE_CUSTOMER, { i: { name: 'X', phone: '555-12', address: { state: 'Minnesota', zip: '5540' } } }, token);
    for (const e of api.body.data.createCustomer.errors) expect(dry[2].errors.map((x: any) => x.message)).toContain(e.message);
    expect(dry[2].cells).toEqual(['X', 'bad-email', '555-12', '', '', 'Minnesota', '5540', 'Barn', '']);
    expect(dry[3].errors).toEqual([{ field: 'EMAIL', column: 'Email', code: 'TAKEN', message: 'Another customer already has this e-mail address.' }]);
    expect(dry[4].errors).toEqual([{ field: 'EMAIL', column: 'Email', code: 'CONFLICT', message: 'Row 2 of this file has the same e-mail address: one of the two rows is left out.' }]);
    expect(dry[5].errors).toEqual([{ field: 'NAME', column: 'Name', code: 'REQUIRED', message: 'Name is required.' }]);

    expect((await runImport(t, token, id)).body.data.runImport).toMatchObject({ import: { status: 'RUNNING' }, errors: [] });
    const done = await settled(t, token, id);
    expect(done).toMatchObject({ status: 'COMPLETED', progress: 1, processedRows: 7, counts: { rows: 7, create: 2, update: 1, unchanged: 0, reject: 4 } });
    const run = await importRows(t, token, id);
    const created = run.filter((r) => r.outcome === 'CREATE').map((r) => key(r.recordId));
    const rows = await t.ds.query('SELECT * FROM customers WHERE id = ANY($1) ORDER BY name', [created]);
    expect(rows).toMatchObject([
      { name: 'Dana Hansen', email: 'dana.hansen@example.com', phone: '+16125550142', address_state: 'MN', customer_type: 'RESIDENTIAL', segment: 'storm-2026', team_id: w.north, created_by: w.as.sales.user.id },
      { name: 'Lee Park', email: null, phone: '+16515550199', team_id: w.north },
    ]);
    const [updated] = await t.ds.query('SELECT * FROM customers WHERE id = $1', [existing.id]);
    // Blank cells change nothing; a given part of the address replaces only that part.
    expect(updated).toMatchObject({ name: 'Morgan Existing', email: 'MORGAN@example.com', phone: '+16515550000', customer_type: 'COMMERCIAL', address_street: '100 Main St', address_zip: '55402' });
    expect((await t.ds.query('SELECT email FROM customers WHERE id = $1', [foreign.id]))[0].email).toBe('south@example.com');
    // One audit entry per record written, tied to the import; one for the run.
    const audit = await t.ds.query(`SELECT entity_type, entity_id, action, actor_id, changes FROM audit_log WHERE request_id = $1 ORDER BY id`, [`import:${key(id)}`]);
    expect(audit.map((a: any) => a.action).sort()).toEqual(['CREATE', 'CREATE', 'UPDATE']);
    expect(audit.every((a: any) => a.actor_id === w.as.sales.user.id && a.entity_type === 'Customer')).toBe(true);
    expect(audit.find((a: any) => a.action === 'UPDATE').changes).toEqual({
      email: { before: 'morgan@example.com', after: 'MORGAN@example.com' },
      customerType: { before: 'RESIDENTIAL', after: 'COMMERCIAL' },
      addressZip: { before: '55401', after: '55402' },
    });
    const [runEntry] = await t.ds.query(`SELECT changes FROM audit_log WHERE entity_type = 'Import' AND entity_id = $1 AND action = 'RUN'`, [key(id)]);
    expect(runEntry.changes.create).toEqual({ before: null, after: 2 });

    // The error report: the file's columns, the row, the reasons; formulas defused.
    const res = await fetch(`${t.url}${done.errorReportPath}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="people-errors.csv"');
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Name,Email,Phone,Street,City,State,Zip,Type,Segment,Row,Errors');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^X,bad-email,555-12,,,Minnesota,5540,Barn,,4,"/);
    expect(lines[4]).toBe(',nobody@example.com,,,,,,,,7,Name is required.');
    expect((await fetch(`${t.url}${done.errorReportPath}`, { headers: { authorization: `Bearer ${w.as.otherSales.accessToken}` } })).status).toBe(404);
    expect((await fetch(`${t.url}${done.errorReportPath}`)).status).toBe(401);
  });

  it('matches by phone only a single customer without another e-mail; refuses updates when told not to', async () => {
    const token = w.as.manager.accessToken;
    const phone = '+16125557777';
    await createCustomer(t.ds, { name: 'Twin One', email: null, phone, teamId: w.north });
    await createCustomer(t.ds, { name: 'Twin Two', email: null, phone, teamId: w.north });
    const solo = await createCustomer(t.ds, { name: 'Solo Person', email: null, phone: '+16125558888', teamId: w.north });
    const up = await uploadCsv(t, token, 'CUSTOMER', `Name,Phone\nTwin,612-555-7777\nSolo Person,612-555-8888\n`);
    await mapImport(t, token, { id: up.body.id, columns: [{ index: 0, field: 'NAME' }, { index: 1, field: 'PHONE' }], updateExisting: false });
    await checkImport(t, token, up.body.id!);
    await settled(t, token, up.body.id!);
    const rows = await importRows(t, token, up.body.id!, 'CHECK');
    expect(rows[0].errors).toEqual([{ field: 'PHONE', column: 'Phone', code: 'CONFLICT', message: '2 customers have this phone number: add an e-mail address to choose one.' }]);
    expect(rows[1].errors[0]).toMatchObject({ field: 'PHONE', code: 'CONFLICT', message: 'An existing customer matches this row, and this import does not update existing records.' });
    await mapImport(t, token, { id: up.body.id, columns: [{ index: 0, field: 'NAME' }, { index: 1, field: 'PHONE' }], updateExisting: true });
    await checkImport(t, token, up.body.id!);
    await settled(t, token, up.body.id!);
    expect((await importRows(t, token, up.body.id!, 'CHECK'))[1]).toMatchObject({ outcome: 'UNCHANGED', recordId: toGlobalId('Customer', solo.id) });
  });

  it('lands the good rows of a batch the database refuses, row by row, and leaves nothing of the refused row', async () => {
    await t.ds.query(`CREATE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN IF NEW.name = 'Boom Boom' THEN RAISE EXCEPTION 'boom' USING ERRCODE = '23514', CONSTRAINT = 'no_boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await t.ds.query(`CREATE TRIGGER refuse_boom BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION refuse_boom()`);
    try {
      const done = await importCsv(t, w.as.sales.accessToken, 'CUSTOMER', 'Name,Email\nFirst Fine,first.fine@example.com\nBoom Boom,boom@example.com\nLast Fine,last.fine@example.com\n');
      expect(done).toMatchObject({ status: 'COMPLETED', counts: { create: 2, reject: 1 } });
      const rows = await importRows(t, w.as.sales.accessToken, done.id, 'RUN', 'REJECT');
      expect(rows).toEqual([expect.objectContaining({ rowNumber: 3, recordId: null, errors: [{ field: null, column: null, code: 'OUT_OF_RANGE', message: 'A value is out of range (no_boom).' }] })]);
      expect(await count(`SELECT count(*) AS n FROM customers WHERE email IN ('first.fine@example.com', 'last.fine@example.com')`)).toBe(2);
      expect(await count(`SELECT count(*) AS n FROM customers WHERE email = 'boom@example.com'`)).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM audit_log WHERE request_id = $1`, [`import:${key(done.id)}`])).toBe(2);
    } finally {
      await t.ds.query('DROP TRIGGER refuse_boom ON customers');
      await t.ds.query('DROP FUNCTION refuse_boom()');
    }
  });

  it('fails on an unexpected error keeping the committed batches, and continues after them', async () => {
    const token = w.as.sales.accessToken;
    const rows = Array.from({ length: 2500 }, (_, i) => `Bulk Person ${i},bulk.${i}@example.com,612555${String(1000 + (i % 9000)).padStart(4, '0')}`);
    const up = await uploadCsv(t, token, 'CUSTOMER', `Name,Email,Phone\n${rows.join('\n')}\n`);
    await checkImport(t, token, up.body.id!);
    expect(await settled(t, token, up.body.id!)).toMatchObject({ status: 'CHECKED', checked: { create: 2500 } });
    await t.ds.query(`CREATE FUNCTION stall_import() RETURNS trigger AS $$ BEGIN IF NEW.phase = 'RUN' AND NEW.row_number = 1500 THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await t.ds.query(`CREATE TRIGGER stall_import BEFORE INSERT ON import_rows FOR EACH ROW EXECUTE FUNCTION stall_import()`);
    try {
      await runImport(t, token, up.body.id!);
      expect(await settled(t, token, up.body.id!)).toMatchObject({ status: 'FAILED', processedRows: 1000, counts: { create: 1000 }, failure: expect.stringContaining('Run it again') });
    } finally {
      await t.ds.query('DROP TRIGGER stall_import ON import_rows');
      await t.ds.query('DROP FUNCTION stall_import()');
    }
    expect(await count(`SELECT count(*) AS n FROM customers WHERE email LIKE 'bulk.%@example.com'`)).toBe(1000);
    // A new mapping or dry run would not match what was written: only continuing is allowed.
    expect((await checkImport(t, token, up.body.id!)).body.data.checkImport.errors[0].code).toBe('INVALID_TRANSITION');
    expect((await runImport(t, token, up.body.id!)).body.data.runImport.errors).toEqual([]);
    expect(await settled(t, token, up.body.id!)).toMatchObject({ status: 'COMPLETED', processedRows: 2500, counts: { rows: 2500, create: 2500, reject: 0 } });
    expect(await count(`SELECT count(*) AS n FROM customers WHERE email LIKE 'bulk.%@example.com'`)).toBe(2500);
    expect(await count(`SELECT count(*) AS n FROM import_rows WHERE import_id = $1 AND phase = 'RUN'`, [key(up.body.id!)])).toBe(2500);
  });
});

describe('lead import', () => {
  it("creates scored, unassigned leads in the team's queue and updates the open lead with the contact e-mail", async () => {
    const open = await createLead(t.ds, { contactName: 'Open Lead', contactEmail: 'open.lead@example.com', teamId: w.north, notes: 'old' });
    const csv = [
      'Name,Email,Phone,Source,Work,Value,Priority,Follow up,Zip,Notes',
      'Casey Roof,casey.roof@example.com,612-555-0101,Storm canvass,full replacement,"$12,500.00",high,2026-12-10,55401,hail',
      'Open Lead,OPEN.LEAD@example.com,,,,,,,,new notes',
      'No Way To Reach,,,,,,,,,',
      'Bad Values,bad.values@example.com,,Billboard,Roof,-5,soon,tomorrow,,',
    ].join('\n');
    const done = await importCsv(t, w.as.sales.accessToken, 'LEAD', csv);
    expect(done).toMatchObject({ status: 'COMPLETED', counts: { create: 1, update: 1, reject: 2 } });
    const rows = await importRows(t, w.as.sales.accessToken, done.id);
    const [lead] = await t.ds.query('SELECT * FROM leads WHERE id = $1', [key(rows[0].recordId)]);
    expect(lead).toMatchObject({
      contact_name: 'Casey Roof',
      contact_phone: '+16125550101',
      source: 'STORM_CANVASS',
      project_type: 'FULL_REPLACEMENT',
      estimated_value: '12500.00',
      priority: 'HIGH',
      status: 'NEW',
      assignee_id: null,
      team_id: w.north,
      created_by: w.as.sales.user.id,
    });
    // Noon in Chicago (CST, UTC-6) on the day the cell names, not noon UTC (6 a.m. on the company's clock).
    expect(lead.next_follow_up_at.toISOString()).toBe('2026-12-10T18:00:00.000Z');
    expect(lead.score).toBeGreaterThan(0);
    expect(lead.scored_at).not.toBeNull();
    expect(rows[1]).toMatchObject({ outcome: 'UPDATE', recordId: toGlobalId('Lead', open.id) });
    expect((await t.ds.query('SELECT notes FROM leads WHERE id = $1', [open.id]))[0].notes).toBe('new notes');
    expect(rows[2].errors.map((e: any) => e.message)).toEqual(['Give a contact phone or e-mail address.']);
    expect(rows[3].errors.map((e: any) => e.field).sort()).toEqual(['ESTIMATED_VALUE', 'NEXT_FOLLOW_UP_AT', 'PRIORITY', 'PROJECT_TYPE', 'SOURCE']);
    expect(rows[3].errors.find((e: any) => e.field === 'ESTIMATED_VALUE').message).toBe('Estimated value must not be negative.');
  });
});

describe('partner import', () => {
  it('creates partners owned by the importer and updates the one with the name', async () => {
    await t.gql(`mutation { createPartner(input: { name: "Acme Realty", kind: REALTOR }) { errors { message } } }`, {}, w.as.manager.accessToken);
    const done = await importCsv(t, w.as.manager.accessToken, 'PARTNER', 'Company,Type,Status\nACME REALTY,realtor,paused\nNorth Inspections,home inspector,\nNameless,,\n');
    expect(done).toMatchObject({ status: 'COMPLETED', counts: { create: 1, update: 1, reject: 1 } });
    const partners = await t.ds.query(`SELECT name, kind, status, owner_id, team_id, fee_kind FROM partners WHERE name IN ('ACME REALTY', 'North Inspections') ORDER BY name`);
    expect(partners).toEqual([
      { name: 'ACME REALTY', kind: 'REALTOR', status: 'PAUSED', owner_id: w.as.manager.user.id, team_id: w.north, fee_kind: 'NONE' },
      { name: 'North Inspections', kind: 'HOME_INSPECTOR', status: 'ACTIVE', owner_id: w.as.manager.user.id, team_id: w.north, fee_kind: 'NONE' },
    ]);
    const rejected = await importRows(t, w.as.manager.accessToken, done.id, 'RUN', 'REJECT');
    expect(rejected[0].errors).toEqual([{ field: 'PARTNER_KIND', column: 'Type', code: 'REQUIRED', message: 'Kind is required.' }]);
  });
});

describe('who imports what', () => {
  it('puts records in the importer team; only admins and managers choose another team they may use', async () => {
    const up = await uploadCsv(t, w.as.sales.accessToken, 'CUSTOMER', 'Name\nTeam Test\n');
    const columns = [{ index: 0, field: 'NAME' }];
    const asSales = await mapImport(t, w.as.sales.accessToken, { id: up.body.id, columns, teamId: toGlobalId('Team', w.south) });
    expect(asSales.body.data.setImportMapping.errors).toEqual([{ field: ['teamId'], code: 'FORBIDDEN', message: 'You can only use your own team here.' }]);
    const adminUp = await uploadCsv(t, w.as.admin.accessToken, 'CUSTOMER', 'Name\nSouth Person\n');
    const third = await createTeam(t.ds, 'Third');
    const chosen = await mapImport(t, w.as.admin.accessToken, { id: adminUp.body.id, columns, teamId: toGlobalId('Team', third.id) });
    expect(chosen.body.data.setImportMapping).toMatchObject({ import: { owningTeam: { name: 'Third' } }, errors: [] });
    await checkImport(t, w.as.admin.accessToken, adminUp.body.id!);
    await settled(t, w.as.admin.accessToken, adminUp.body.id!);
    await runImport(t, w.as.admin.accessToken, adminUp.body.id!);
    await settled(t, w.as.admin.accessToken, adminUp.body.id!);
    expect((await t.ds.query(`SELECT team_id FROM customers WHERE name = 'South Person'`))[0].team_id).toBe(third.id);
  });

  it("shows an import to its uploader, their team's managers and admins; only the uploader and admins run it", async () => {
    const up = await uploadCsv(t, w.as.sales.accessToken, 'CUSTOMER', 'Name\nVisible Person\n');
    const GET = `query($id: ID!) { import(id: $id) { id } }`;
    const LIST = `{ imports(first: 100) { totalCount edges { node { id } } } }`;
    const sees = async (token: string) => (await t.gql(GET, { id: up.body.id }, token)).body.data.import !== null;
    expect(await sees(w.as.sales.accessToken)).toBe(true);
    expect(await sees(w.as.manager.accessToken)).toBe(true);
    expect(await sees(w.as.admin.accessToken)).toBe(true);
    expect(await sees(w.as.otherSales.accessToken)).toBe(false);
    expect(await sees(w.as.otherManager.accessToken)).toBe(false);
    expect((await t.gql(GET, { id: up.body.id }, w.as.tech.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const listed = (token: string) => t.gql(LIST, {}, token).then((r) => r.body.data.imports.edges.map((e: any) => e.node.id));
    expect(await listed(w.as.otherSales.accessToken)).not.toContain(up.body.id);
    expect(await listed(w.as.manager.accessToken)).toContain(up.body.id);
    expect((await checkImport(t, w.as.manager.accessToken, up.body.id!)).body.data.checkImport.errors[0].code).toBe('FORBIDDEN');
    expect((await checkImport(t, w.as.otherSales.accessToken, up.body.id!)).body.data.checkImport.errors[0].code).toBe('NOT_FOUND');
    expect((await runImport(t, w.as.sales.accessToken, up.body.id!)).body.data.runImport.errors[0]).toMatchObject({ code: 'INVALID_TRANSITION', message: 'Check the import (dry run) before running it.' });
  });

  it("remembers each user's mapping per kind for the next file", async () => {
    const sales = await signedIn(t, 'SALES', w.north);
    const first = await uploadCsv(t, sales.accessToken, 'CUSTOMER', 'Cust,Notes\nA Person,x\n');
    expect((await settled(t, sales.accessToken, first.body.id!)).columns.map((c: any) => c.field)).toEqual([null, null]);
    await mapImport(t, sales.accessToken, { id: first.body.id, columns: [{ index: 0, field: 'NAME' }, { index: 1, field: 'SEGMENT' }] });
    const second = await uploadCsv(t, sales.accessToken, 'CUSTOMER', 'Email,CUST,notes\na@example.com,B Person,y\n');
    expect((await settled(t, sales.accessToken, second.body.id!)).columns.map((c: any) => c.field)).toEqual(['EMAIL', 'NAME', 'SEGMENT']);
    const lead = await uploadCsv(t, sales.accessToken, 'LEAD', 'Cust\nC Person\n');
    expect((await settled(t, sales.accessToken, lead.body.id!)).columns.map((c: any) => c.field)).toEqual([null]);
    const other = await uploadCsv(t, w.as.sales.accessToken, 'CUSTOMER', 'Cust\nD Person\n');
    expect((await settled(t, w.as.sales.accessToken, other.body.id!)).columns.map((c: any) => c.field)).toEqual([null]);
  });

  it('refuses a mapping with a field twice or a field of another kind, and a check without the required field', async () => {
    const up = await uploadCsv(t, w.as.sales.accessToken, 'CUSTOMER', 'A,B\nx,y\n');
    const r = await mapImport(t, w.as.sales.accessToken, { id: up.body.id, columns: [{ index: 0, field: 'EMAIL' }, { index: 1, field: 'EMAIL' }, { index: 5, field: 'SOURCE' }] });
    expect(r.body.data.setImportMapping.errors.map((e: any) => `${e.field.join('.')}:${e.code}`)).toEqual(['columns.1.field:CONFLICT', 'columns.2.index:OUT_OF_RANGE']);
    await mapImport(t, w.as.sales.accessToken, { id: up.body.id, columns: [{ index: 0, field: 'SOURCE' }] }).then((x) =>
      expect(x.body.data.setImportMapping.errors[0]).toMatchObject({ code: 'INVALID' }),
    );
    expect((await checkImport(t, w.as.sales.accessToken, up.body.id!)).body.data.checkImport.errors).toEqual([
      { field: ['columns'], code: 'REQUIRED', message: 'Choose the column with the name.' },
    ]);
  });
});
