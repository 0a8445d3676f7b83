import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, FormattedExecutionResult } from 'graphql';
import type { PlatformContext } from '../context';
import { planQuery } from './plan';
import { NotCompilable } from './selection-sql';
import type { Catalog } from './sql-reads';

/** A response's `data` as JSON text built by PostgreSQL: written out as it is (`stringifyResult`), parsed only if asked. */
export class RawJson {
  constructor(readonly text: string) {}
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** Apollo's `stringifyResult`: a compiled answer's text goes out unparsed, anything else as Apollo writes it. */
export function stringifyResult(value: FormattedExecutionResult): string {
  if (value.data instanceof RawJson && !value.errors && !value.extensions) return `{"data":${value.data.text}}\n`;
  return `${JSON.stringify(value)}\n`;
}

/**
 * Compiled reads (see plan.ts): a query made only of catalogued connections is answered by one statement per root
 * field that builds the JSON of its nodes in PostgreSQL, instead of graphql-js walking resolvers and loaders. Runs
 * after the operation guard (cost, access, heavy lane) and inside the execution budget; anything it cannot answer
 * exactly (an uncatalogued field, a directive, an argument out of range, an error) falls back to normal execution.
 */
export function compiledReadsPlugin(catalog: Catalog): ApolloServerPlugin<PlatformContext> {
  /** Documents whose shape cannot be compiled, so they are not tried again (Apollo keeps one node per query text). */
  const refused = new WeakSet<DocumentNode>();
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, document, operation, request, contextValue, response }) {
          const viewer = contextValue.viewer;
          if (!viewer || !operation || refused.has(document)) return null;
          let run: ReturnType<typeof planQuery>;
          try {
            run = planQuery(catalog, schema, document, operation, request.variables, viewer);
          } catch (e) {
            if (e instanceof NotCompilable) refused.add(document);
            return null;
          }
          if (!run) return null;
          try {
            const text = await run(contextValue);
            contextValue.budget.charge(text.length);
            return { http: response.http, body: { kind: 'single', singleResult: { data: new RawJson(text) as never } } };
          } catch (e) {
            // A spent budget answers its one error (the guard plugin puts it in place of the data).
            if (contextValue.budget.exceeded) return { http: response.http, body: { kind: 'single', singleResult: { data: null } } };
            if (!(e instanceof NotCompilable)) contextValue.logger.debug({ err: e }, 'compiled read fell back to execution');
            return null;
          }
        },
      };
    },
  };
}
