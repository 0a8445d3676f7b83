import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { money } from '../../lib/format';

/**
 * The dashboard's drawn charts: the only code that uses recharts, most of the dashboard's JavaScript. Loaded on its
 * own (lazily, by charts.tsx) so the numbers show while the charts' code arrives.
 */

export interface PipelineRow {
  stage: string;
  leads: number;
  value: number;
}

export function PipelineBars({ rows }: { rows: PipelineRow[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid horizontal={false} stroke="var(--c-border)" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} tickLine={false} axisLine={false} />
        <YAxis type="category" dataKey="stage" width={84} tick={{ fontSize: 12 }} tickLine={false} />
        <Tooltip
          formatter={(value) => [value, 'Leads']}
          labelFormatter={(stage) => {
            const row = rows.find((r) => r.stage === stage);
            return row ? `${row.stage} · ${money(String(row.value))}` : String(stage);
          }}
        />
        <Bar dataKey="leads" fill="var(--chart-1)" radius={[0, 4, 4, 0]} barSize={22} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export interface RevenueRow {
  month: string;
  revenue: number;
  projects: number;
}

export function RevenueBars({ rows }: { rows: RevenueRow[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid vertical={false} stroke="var(--c-border)" />
        <XAxis dataKey="month" tick={{ fontSize: 12 }} tickLine={false} />
        <YAxis
          tickFormatter={(v: number) => money(String(v), true)}
          tick={{ fontSize: 12 }}
          tickLine={false}
          axisLine={false}
        />
        <Tooltip formatter={(value) => [money(String(value)), 'Revenue']} />
        <Bar dataKey="revenue" fill="var(--chart-2)" radius={[4, 4, 0, 0]} />
      </BarChart>
    </ResponsiveContainer>
  );
}
