/** Markdown tables of the GraphQL bench: medians over the rounds. */
import type { Sample } from './measure';
import type { Prepared, Workload } from './workloads';

export interface Run {
  database: string;
  prepared: Prepared;
  workloads: Workload[];
  contenders: string[];
  /** workload → contender → one sample per round. */
  samples: Map<string, Map<string, Sample[]>>;
  /** workload → contender → the SQL text of one answer. */
  sql: Record<string, Record<string, string[]>>;
}

const LABEL: Record<string, string> = { ours: 'ours', baseline: 'baseline', postgraphile: 'PostGraphile' };

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const num = (n: number | null, digits = 0) => (n == null ? '–' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const ms = (n: number | null) => (n == null ? '–' : n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);
const ratio = (a: number | null, b: number | null) => (a == null || b == null || b === 0 ? '–' : (a / b).toFixed(2));

function stats(run: Run, workload: string, contender: string) {
  const list = run.samples.get(workload)?.get(contender) ?? [];
  return {
    reqPerSec: median(list.map((s) => s.reqPerSec)),
    p50: median(list.map((s) => s.p50)),
    p99: median(list.map((s) => s.p99)),
    sql: median(list.flatMap((s) => (s.sqlPerRequest == null ? [] : [s.sqlPerRequest]))),
    failures: list.reduce((n, s) => n + s.failures, 0),
  };
}

/** One row per workload: req/s of each server, the ratios, p50, p99 and SQL statements per request. */
export function mainTable(run: Run): string {
  const cs = run.contenders;
  const has = (name: string) => cs.includes(name);
  const slash = (values: string[]) => values.join(' / ');
  const who = slash(cs.map((c) => LABEL[c] ?? c));
  const head = [
    'workload',
    ...cs.map((c) => `${LABEL[c] ?? c} req/s`),
    ...(has('postgraphile') ? ['ours / PostGraphile'] : []),
    ...(has('baseline') ? ['ours / baseline'] : []),
    `p50 (${who})`,
    `p99 (${who})`,
    `SQL/request (${who})`,
  ];
  const rows = run.workloads.map((w) => {
    const s = Object.fromEntries(cs.map((c) => [c, stats(run, w.name, c)]));
    const failures = cs.filter((c) => s[c]!.failures > 0).map((c) => `${LABEL[c] ?? c}: ${s[c]!.failures} failed`);
    const title = `${w.title}${failures.length ? ` (**${failures.join(', ')}**)` : ''}`;
    return [
      title,
      ...cs.map((c) => num(s[c]!.reqPerSec, (s[c]!.reqPerSec ?? 100) < 10 ? 1 : 0)),
      ...(has('postgraphile') ? [ratio(s.ours!.reqPerSec, s.postgraphile!.reqPerSec)] : []),
      ...(has('baseline') ? [ratio(s.ours!.reqPerSec, s.baseline!.reqPerSec)] : []),
      slash(cs.map((c) => ms(s[c]!.p50))),
      slash(cs.map((c) => ms(s[c]!.p99))),
      slash(cs.map((c) => num(s[c]!.sql, 1))),
    ];
  });
  const db = new URL(run.database).pathname.slice(1);
  const p = run.prepared;
  const caption =
    `Database \`${db}\`: ${p.customers.toLocaleString('en-US')} customers, ${p.interactions.toLocaleString('en-US')} interactions. ` +
    `A dash: the server has no equivalent (PostGraphile has no dashboard).`;
  return `${caption}\n\n${[head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n')}`;
}

/** p99 of the first page and the deep pages per database size, each server side by side. */
export function scaleTable(scales: Array<{ label: string; run: Run }>): string {
  const cs = scales[0]!.run.contenders;
  const who = cs.map((c) => LABEL[c] ?? c).join(' / ');
  const head = ['workload (p99: ' + who + ')', ...scales.map((s) => `${s.label} (${s.run.prepared.customers.toLocaleString('en-US')} customers, ${s.run.prepared.interactions.toLocaleString('en-US')} interactions)`)];
  const names = ['simple', 'keyset', 'customers-deep'];
  const rows = names.map((name) => {
    const title = scales[0]!.run.workloads.find((w) => w.name === name)?.title.replace(/ [\d,]+ rows deep$/, ' half-way deep (at most 500,000)') ?? name;
    return [title, ...scales.map((s) => cs.map((c) => ms(stats(s.run, name, c).p99)).join(' / '))];
  });
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
