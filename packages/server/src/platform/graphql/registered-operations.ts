import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getOperationAST, parse, validate, type GraphQLSchema } from 'graphql';

/** `operations/` at the repository root (same relative place from src/ and dist/), unless OPERATIONS_DIR says otherwise. */
export const OPERATIONS_DIR = process.env.OPERATIONS_DIR ?? path.resolve(__dirname, '../../../../../operations');

export interface RegisteredOperation {
  /** `sha256:<hex of the document's text>`, what clients send as `documentId`. */
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

/**
 * Registered operations (persisted documents): the documents under `operations/<audience>/`, one named operation per
 * file, known by the SHA-256 of their text. Keys limited to registered operations send `{"documentId": "sha256:…",
 * "variables": …}` instead of a query. Every document is validated against the schema it is for when the server starts
 * (a stale one stops the boot), and the list is published as an Apollo persisted-query manifest.
 */
export class RegisteredOperations {
  private readonly byId: Map<string, RegisteredOperation>;

  constructor(readonly operations: RegisteredOperation[]) {
    this.byId = new Map(operations.map((o) => [o.id, o]));
  }

  static load(schema: GraphQLSchema, dir: string): RegisteredOperations {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort() : [];
    return new RegisteredOperations(files.map((file) => {
      const body = fs.readFileSync(path.join(dir, file), 'utf8');
      const document = parse(body);
      const operation = getOperationAST(document);
      if (!operation?.name) throw new Error(`${file}: a registered document holds exactly one named operation`);
      const errors = validate(schema, document);
      if (errors.length) throw new Error(`${file} does not validate against its schema: ${errors.map((e) => e.message).join('; ')}`);
      return { id: documentIdOf(body), name: operation.name.value, type: operation.operation, body };
    }));
  }

  get(documentId: string): RegisteredOperation | undefined {
    return this.byId.get(documentId);
  }

  /** The Apollo persisted-query manifest format (clients and tools such as Apollo Client's persisted queries read it). */
  manifest() {
    return { format: 'apollo-persisted-query-manifest', version: 1, operations: this.operations };
  }
}

export const documentIdOf = (body: string) => `sha256:${createHash('sha256').update(body).digest('hex')}`;
