/** Plain calls to this origin's API, for the IDE's own needs (sign-in, refresh, the schema, the registered operations). */

export interface GraphQLAnswer<T> {
  data?: T;
  errors?: Array<{ message: string }>;
}

export async function post<T>(query: string, variables: Record<string, unknown>, authorization?: string): Promise<GraphQLAnswer<T>> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLAnswer<T>;
}

/** The SDL with descriptions (GET /graphql/schema.graphql), of the staff schema or of the API keys' one. */
export async function fetchSdl(audience: 'staff' | 'partner', authorization: string | null): Promise<string> {
  const res = await fetch(`/graphql/schema.graphql${audience === 'partner' ? '?audience=partner' : ''}`, {
    headers: authorization ? { authorization } : {},
  });
  const text = await res.text();
  if (!res.ok) throw new Error(text.trim() || `The schema could not be loaded (${res.status}).`);
  return text;
}

/** A registered operation of the partner API (GET /graphql/operations.json, Apollo's persisted-query manifest). */
export interface RegisteredOperation {
  id: string;
  name: string;
  type: string;
  body: string;
}

export async function fetchRegisteredOperations(): Promise<RegisteredOperation[]> {
  try {
    const res = await fetch('/graphql/operations.json');
    if (!res.ok) return [];
    return ((await res.json()) as { operations?: RegisteredOperation[] }).operations ?? [];
  } catch {
    return [];
  }
}
