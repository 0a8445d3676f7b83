import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, isPublicCode } from '../errors';
import { DURATION_BUCKETS, LabelValues, type MetricsRegistry } from './metrics';

export type Transport = 'http' | 'ws';

/** How many distinct operation names a process labels before new ones count as `other`. */
export const MAX_OPERATION_NAMES = 200;

export interface ObservedOperation {
  /** The operation's name in the document; null when unnamed or when the document never resolved to an operation. */
  name: string | null | undefined;
  type: string | undefined;
  transport: Transport;
  seconds: number;
  /** The errors sent (already formatted: catalogue codes). */
  errors?: readonly GraphQLFormattedError[];
}

const TYPES = new Set(['query', 'mutation', 'subscription']);

/**
 * GraphQL operations by name, type and transport: how many, how long, and their errors by catalogue code, over HTTP
 * (an Apollo plugin, `plugin()`) and WebSocket (graphql-ws hooks in platform/graphql/ws.ts; Apollo plugins do not run
 * there). On the WebSocket an operation is a subscription's start (parse, validation, guard, the subscribe resolver);
 * each delivery's errors count as errors of that operation.
 */
export class GraphQLMetrics {
  /** Operation names are client text: registered ones always, then the first MAX_OPERATION_NAMES seen, then `other`. */
  readonly names = new LabelValues(MAX_OPERATION_NAMES);
  private readonly operations;
  private readonly duration;
  private readonly errorCount;

  constructor(m: MetricsRegistry) {
    this.operations = m.counter({
      name: 'crm_graphql_operations_total',
      help: 'GraphQL operations answered, by operation name, type, transport and outcome (ok: no error sent; error).',
      labelNames: ['operation', 'type', 'transport', 'outcome'],
    });
    this.duration = m.histogram({
      name: 'crm_graphql_operation_duration_seconds',
      help: 'Time from receiving a GraphQL operation to its answer (WebSocket: to the subscription being set up).',
      labelNames: ['operation', 'type', 'transport'],
      buckets: DURATION_BUCKETS,
    });
    this.errorCount = m.counter({
      name: 'crm_graphql_errors_total',
      help: 'GraphQL errors sent to clients, by operation, type, transport and catalogue code.',
      labelNames: ['operation', 'type', 'transport', 'code'],
    });
  }

  /** The label of an operation name: `anonymous` without one. */
  operationLabel(name: string | null | undefined): string {
    return name ? this.names.of(name) : 'anonymous';
  }

  observe(o: ObservedOperation): void {
    const labels = { operation: this.operationLabel(o.name), type: o.type && TYPES.has(o.type) ? o.type : 'unknown', transport: o.transport };
    this.operations.inc({ ...labels, outcome: o.errors?.length ? 'error' : 'ok' });
    this.duration.observe(labels, o.seconds);
    this.countErrors(labels, o.errors);
  }

  /** Errors sent outside an operation's answer (a subscription's delivery). */
  errors(o: Omit<ObservedOperation, 'seconds'>): void {
    this.countErrors({ operation: this.operationLabel(o.name), type: o.type && TYPES.has(o.type) ? o.type : 'unknown', transport: o.transport }, o.errors);
  }

  private countErrors(labels: { operation: string; type: string; transport: string }, errors: readonly GraphQLFormattedError[] | undefined): void {
    for (const e of errors ?? []) {
      const code = e.extensions?.code;
      this.errorCount.inc({ ...labels, code: isPublicCode(code) ? code : ErrorCode.INTERNAL });
    }
  }

  /** The Apollo plugin for operations over HTTP; last in the plugin list, so it sees the answer as sent. */
  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => {
        const started = performance.now();
        return {
          willSendResponse: async ({ response, operation, document, request }) => {
            // A document that failed validation has no resolved operation yet: its operation as written.
            const op = operation ?? (document ? getOperationAST(document, request.operationName) : null);
            this.observe({
              name: op?.name?.value,
              type: op?.operation,
              transport: 'http',
              seconds: (performance.now() - started) / 1000,
              errors: response.body.kind === 'single' ? response.body.singleResult.errors : undefined,
            });
          },
        };
      },
    };
  }
}
