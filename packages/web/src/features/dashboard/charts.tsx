import { Suspense, type ComponentType } from 'react';
import { lazyLoad } from '../../lib/lazyLoad';
import { Spinner } from '../../ui';

/** One chunk for both charts: recharts and the two drawings. */
const loadCharts = () => import('./BarCharts');

/** Starts downloading the charts' code, so it arrives alongside the dashboard's numbers rather than after them. */
export const preloadCharts = () => void loadCharts().catch(() => undefined); // a failure shows when a chart renders

/** A chart loaded on first render, a spinner in its place meanwhile. */
function lazyChart<P extends object>(pick: (charts: Awaited<ReturnType<typeof loadCharts>>) => ComponentType<P>) {
  const Chart = lazyLoad(async () => ({ default: pick(await loadCharts()) }));
  return function LazyChart(props: P) {
    return (
      <Suspense fallback={<Spinner label="Loading the chart…" />}>
        <Chart {...props} />
      </Suspense>
    );
  };
}

export const PipelineBars = lazyChart((charts) => charts.PipelineBars);
export const RevenueBars = lazyChart((charts) => charts.RevenueBars);
