import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';

/** Every series this server exposes starts with it (the default process and Node.js series too). */
export const METRIC_PREFIX = 'crm_';
const NAME = /^crm_[a-z][a-z0-9_]*$/;

/** Seconds: from a millisecond on the database to the 10 s GraphQL budget and beyond. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Refreshes some series just before a scrape is answered (a database read, counting sockets, …). */
export type ScrapeCollector = () => Promise<void> | void;

/**
 * What features (and platform parts) register their series with: plain prom-client metrics on this process's
 * registry, plus collectors run on each scrape. Names start with `crm_` and carry their unit (`_seconds`, `_total`,
 * `_bytes`); labels take a small, fixed set of values (never user input or IDs).
 */
export interface MetricsRegistry {
  counter<L extends string>(c: Omit<CounterConfiguration<L>, 'registers'>): Counter<L>;
  gauge<L extends string>(c: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L>;
  histogram<L extends string>(c: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L>;
  /**
   * Runs `collect` before every scrape (at most `timeoutMs`; one that fails or is late marks
   * `crm_metrics_collector_up{collector}` 0 and its series are left as they were). Returns a function that removes it.
   */
  onScrape(name: string, collect: ScrapeCollector, timeoutMs?: number): () => void;
}

/**
 * The process's one Prometheus registry (see docs/architecture.md, Metrics). Default process and event-loop series
 * are on it from the start; the platform's own series are registered by the parts that feed them (http, graphql,
 * database, jobs, realtime), features add theirs through `Feature.metrics`.
 */
export class Metrics implements MetricsRegistry {
  readonly registry = new Registry();
  private readonly collectors = new Map<string, { collect: ScrapeCollector; timeoutMs: number }>();
  private readonly collectorUp: Gauge<'collector'>;
  private readonly scrapeSeconds: Histogram;
  /** The scrape under way: concurrent scrapes share its collectors' run. */
  private collecting: Promise<void> | null = null;

  constructor(o: { defaultMetrics?: boolean } = {}) {
    if (o.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
    this.collectorUp = this.gauge({
      name: 'crm_metrics_collector_up',
      help: 'Whether the last run of a scrape-time collector succeeded in time (1) or not (0).',
      labelNames: ['collector'],
    });
    this.scrapeSeconds = this.histogram({
      name: 'crm_metrics_scrape_duration_seconds',
      help: 'Time to run the scrape-time collectors (database reads included) of a scrape.',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    });
  }

  counter<L extends string>(c: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
    return new Counter<L>({ ...checked(c), registers: [this.registry] });
  }

  gauge<L extends string>(c: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
    return new Gauge<L>({ ...checked(c), registers: [this.registry] });
  }

  histogram<L extends string>(c: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L> {
    return new Histogram<L>({ ...checked(c), registers: [this.registry] });
  }

  onScrape(name: string, collect: ScrapeCollector, timeoutMs = 2_000): () => void {
    const entry = { collect, timeoutMs };
    this.collectors.set(name, entry);
    return () => {
      if (this.collectors.get(name) !== entry) return;
      this.collectors.delete(name);
      this.collectorUp.remove({ collector: name });
    };
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text exposition of every series, after the scrape-time collectors ran. */
  async scrape(): Promise<string> {
    this.collecting ??= this.collect().finally(() => (this.collecting = null));
    await this.collecting;
    return this.registry.metrics();
  }

  private async collect(): Promise<void> {
    const end = this.scrapeSeconds.startTimer();
    await Promise.all(
      [...this.collectors].map(async ([name, { collect, timeoutMs }]) => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`collector ${name} took longer than ${timeoutMs} ms`)), timeoutMs);
        });
        try {
          await Promise.race([Promise.resolve().then(collect), late]);
          this.collectorUp.set({ collector: name }, 1);
        } catch {
          this.collectorUp.set({ collector: name }, 0);
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    end();
  }
}

function checked<C extends { name: string }>(c: C): C {
  if (!NAME.test(c.name)) throw new Error(`metric ${c.name}: names start with ${METRIC_PREFIX} and use [a-z0-9_]`);
  return c;
}

/**
 * Bounds a label's values: the first `max` distinct values pass, later new ones are `other`. For labels whose values
 * come from clients (GraphQL operation names), so a client inventing names cannot grow the series without bound.
 */
export class LabelValues {
  private readonly allowed = new Set<string>();
  private readonly learnt = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly valid: RegExp = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/,
  ) {}

  /** Values that always pass and do not count against `max` (registered operations). */
  allow(values: Iterable<string>): void {
    for (const v of values) if (this.valid.test(v)) this.allowed.add(v);
  }

  of(value: string): string {
    if (this.allowed.has(value) || this.learnt.has(value)) return value;
    if (this.learnt.size >= this.max || !this.valid.test(value)) return 'other';
    this.learnt.add(value);
    return value;
  }
}
