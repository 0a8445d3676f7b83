import type { TestApp } from './harness';

/** Uploads a CSV file as an import: the HTTP status and the JSON answer. */
export async function uploadCsv(t: TestApp, token: string | null, kind: string, body: string | Buffer, fileName = 'people.csv') {
  const res = await fetch(`${t.url}/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as { id?: string; error?: string; status?: string; rowCount?: number } };
}

export const IMPORT_FIELDS = `id status rowCount processedRows progress failure errorReportPath updateExisting
  owningTeam { name } createdBy { name }
  columns { index header samples field }
  checked { rows create update unchanged reject }
  counts { rows create update unchanged reject }`;

const GET = `query($id: ID!) { import(id: $id) { ${IMPORT_FIELDS} } }`;

/** The import once its dry run or run is over (polled). */
export async function settled(t: TestApp, token: string, id: string, timeoutMs = 60_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await t.gql(GET, { id }, token);
    const imp = r.body.data?.import;
    if (!imp) throw new Error(`import ${id} not visible: ${JSON.stringify(r.body)}`);
    if (imp.status !== 'CHECKING' && imp.status !== 'RUNNING') return imp;
    if (Date.now() > until) throw new Error(`import ${id} still ${imp.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const MAP = `mutation($i: SetImportMappingInput!) { setImportMapping(input: $i) { import { ${IMPORT_FIELDS} } errors { field code message } } }`;
const CHECK = `mutation($id: ID!) { checkImport(id: $id) { import { id status } errors { field code message } } }`;
const RUN = `mutation($id: ID!) { runImport(id: $id) { import { id status } errors { field code message } } }`;

export const mapImport = (t: TestApp, token: string, input: Record<string, unknown>) => t.gql(MAP, { i: input }, token);
export const checkImport = (t: TestApp, token: string, id: string) => t.gql(CHECK, { id }, token);
export const runImport = (t: TestApp, token: string, id: string) => t.gql(RUN, { id }, token);

/** Upload, keep the suggested mapping, dry run, run: the settled import. */
export async function importCsv(t: TestApp, token: string, kind: string, csv: string): Promise<any> {
  const up = await uploadCsv(t, token, kind, csv);
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
  const checked = await checkImport(t, token, up.body.id!);
  if (checked.body.data?.checkImport.errors.length) throw new Error(JSON.stringify(checked.body.data.checkImport.errors));
  await settled(t, token, up.body.id!);
  const ran = await runImport(t, token, up.body.id!);
  if (ran.body.data?.runImport.errors.length) throw new Error(JSON.stringify(ran.body.data.runImport.errors));
  return settled(t, token, up.body.id!);
}

const ROWS = `query($id: ID!, $phase: ImportPhase, $outcome: ImportRowOutcome, $first: Int, $after: String) {
  import(id: $id) { rows(phase: $phase, outcome: $outcome, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { rowNumber outcome recordId cells errors { field column code message } } }
  } }
}`;

/** Every row report of a phase. */
export async function importRows(t: TestApp, token: string, id: string, phase?: string, outcome?: string): Promise<any[]> {
  const rows: any[] = [];
  let after: string | null = null;
  for (;;) {
    const r: { body: { data?: any } } = await t.gql(ROWS, { id, phase, outcome, first: 100, after }, token);
    const page: any = r.body.data?.import?.rows;
    if (!page) throw new Error(JSON.stringify(r.body));
    rows.push(...page.edges.map((e: any) => e.node));
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}
