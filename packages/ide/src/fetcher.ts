import { createGraphiQLFetcher, type Fetcher, type FetcherParams } from '@graphiql/toolkit';
import { Kind, parse, print, type DocumentNode } from 'graphql';
import { createClient } from 'graphql-ws';
import type { RegisteredOperation } from './api';

/** The GraphQL WebSocket of this origin (graphql-transport-ws). */
const WS_URL = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

/** One HTTP + WebSocket fetcher per Authorization header: a new sign-in gets a new socket with its token. */
let cached: { authorization: string | null; fetcher: Fetcher; dispose: () => void } | null = null;

function fetcherFor(authorization: string | null): Fetcher {
  if (cached && cached.authorization === authorization) return cached.fetcher;
  cached?.dispose();
  // The server reads the access token from the connection params' `authorization` (platform/graphql/ws.ts).
  const wsClient = createClient({ url: WS_URL, lazy: true, connectionParams: authorization ? { authorization } : {} });
  const fetcher = createGraphiQLFetcher({ url: '/graphql', wsClient, enableIncrementalDelivery: false });
  cached = { authorization, fetcher, dispose: () => void wsClient.dispose() };
  return fetcher;
}


function parsed(text: string): DocumentNode | null {
  try {
    return parse(text);
  } catch {
    return null;
  }
}

/**
 * The operation name to send: GraphiQL's, if the document has it; else the document's only operation's (just after a
 * tab switch GraphiQL may still hold the previous tab's operation name, which would send a subscription over HTTP).
 */
function operationNameIn(doc: DocumentNode, wanted: string | null | undefined): string | null {
  const names = doc.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? null] : []));
  if (wanted && names.includes(wanted)) return wanted;
  return names.length === 1 ? names[0]! : (wanted ?? null);
}

function headerOf(headers: Record<string, unknown> | undefined, name: string): string | null {
  const entry = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === name);
  return typeof entry?.[1] === 'string' ? entry[1] : null;
}

/**
 * GraphiQL's fetcher: sends exactly the headers of the header editor; subscriptions over graphql-ws with the
 * editor's Authorization as connection param. With an API key, a document that is one of the registered operations
 * goes by its `documentId` (keys run registered operations only, unless allowed free-form queries: docs/partners.md).
 */
export function createFetcher(registered: RegisteredOperation[]): Fetcher {
  const ids = new Map(registered.flatMap((op) => {
    const doc = parsed(op.body);
    return doc ? [[print(doc), op.id] as const] : [];
  }));
  return (request, opts) => {
    const authorization = headerOf(opts?.headers, 'authorization');
    // The document as sent, not GraphiQL's last parse of the editor (it lags behind a tab switch).
    const documentAST = parsed(request.query);
    const params = documentAST ? { ...request, operationName: operationNameIn(documentAST, request.operationName) } : request;
    let body: FetcherParams = params;
    if (authorization && /^Bearer\s+crmk_/i.test(authorization)) {
      const documentId = documentAST && ids.get(print(documentAST));
      if (documentId) body = { documentId, operationName: params.operationName, variables: params.variables } as unknown as FetcherParams;
    }
    return fetcherFor(authorization)(body, documentAST ? { ...opts, documentAST } : opts);
  };
}
