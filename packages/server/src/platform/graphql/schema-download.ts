import { printSchema, type GraphQLSchema } from 'graphql';
import type { Request, RequestHandler } from 'express';
import type { IntrospectionAccess } from './operation-guard';
import { rateLimitHeaders, type BucketState } from '../http/token-buckets';

export type SchemaAudience = 'staff' | 'partner';

export interface SchemaDownloadParams {
  /** The staff schema, and the one API keys see (`apiKeySchema`). */
  schemas: Record<SchemaAudience, GraphQLSchema>;
  /** Who may have it: the same rule as introspection (GRAPHQL_INTROSPECTION). */
  access: IntrospectionAccess;
  /**
   * Whether the request's bearer (staff access token or API key) may read `audience`'s schema when only signed-in
   * callers may: staff any, keys their own. `limited`: an API key refused before its lookup, its client address having
   * used up its failed authentications (the address's bucket).
   */
  signedIn: (req: Request, audience: SchemaAudience) => Promise<boolean | { limited: BucketState }>;
}

/**
 * GET /graphql/schema.graphql: the SDL with every description (`?audience=partner`: the API keys' schema), printed once.
 * Introspection's rule applies: `off` answers 404, `signed-in` wants a bearer that may see that schema (401).
 */
export function schemaDownload(p: SchemaDownloadParams): RequestHandler {
  const sdl = { staff: printSchema(p.schemas.staff), partner: printSchema(p.schemas.partner) };
  return async (req, res, next) => {
    try {
      const audience: SchemaAudience | null = req.query.audience === undefined || req.query.audience === 'staff' ? 'staff' : req.query.audience === 'partner' ? 'partner' : null;
      if (audience === null) return void res.status(400).type('text/plain').send('audience: staff (default) or partner.\n');
      if (p.access === 'off') return void res.status(404).type('text/plain').send('The schema is not published by this server.\n');
      const signedIn = p.access === 'signed-in' ? await p.signedIn(req, audience) : true;
      if (typeof signedIn === 'object') {
        res.set(rateLimitHeaders(signedIn.limited));
        return void res.status(429).type('text/plain').send('Too many requests with API keys that are not valid from this address: try again later.\n');
      }
      if (!signedIn) {
        res.setHeader('www-authenticate', 'Bearer');
        return void res.status(401).type('text/plain').send('Sign in to read the schema: Authorization: Bearer <access token or API key>.\n');
      }
      res.setHeader('cache-control', 'no-cache');
      res.setHeader('content-disposition', `inline; filename="${audience === 'partner' ? 'crm-partner-schema' : 'crm-schema'}.graphql"`);
      res.type('text/plain; charset=utf-8').send(sdl[audience]);
    } catch (err) {
      next(err);
    }
  };
}
