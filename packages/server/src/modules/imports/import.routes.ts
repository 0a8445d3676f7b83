import express from 'express';
import type { ImportKind } from '../../generated/graphql';
import { isApiKey } from '../../platform/auth/api-caller';
import type { Viewer } from '../../platform/auth/viewer';
import { domainErrorOf } from '../../platform/errors';
import { writeCsv } from '../../platform/http/csv';
import { CsvRefused, MAX_IMPORT_BYTES } from './csv';
import type { ImportService } from './import.service';

const BEARER = /^Bearer\s+(\S+)$/i;
const KINDS: readonly ImportKind[] = ['CUSTOMER', 'LEAD', 'PARTNER'];

export interface ImportRouteDeps {
  /** The staff viewer of a bearer access token (throws UNAUTHENTICATED). */
  viewerOf(token: string): Promise<Viewer>;
  /** Import IDs as the API shows them (global IDs), both ways. */
  ids: { toGlobal(id: string): string; fromGlobal(globalId: string): string | null };
}

/**
 * The file edges of CSV imports, for staff signed in with a bearer access token:
 *
 * - `POST /imports?kind=CUSTOMER|LEAD|PARTNER&fileName=…`: the CSV file as the request body (any content type; it is
 *   sniffed), streamed into the database. 201 `{ id, status, rowCount }` (the import's global ID, for `import(id:)`);
 *   401 without a valid token; 403 for field techs and API keys; 413 over 50 MB; 415 when it is not UTF-8 CSV text; 400 for a
 *   malformed file (with the line) or a missing kind.
 * - `GET /imports/:id/errors.csv`: the rejected rows of the run (or of the dry run before it), as CSV: the file's
 *   columns, the row number and the reasons. 404 for an import you may not see.
 */
export function importRoutes(imports: ImportService, d: ImportRouteDeps): express.Router {
  const router = express.Router();
  const viewer = async (req: express.Request, res: express.Response): Promise<Viewer | null> => {
    const token = BEARER.exec(req.header('authorization') ?? '')?.[1];
    if (token && isApiKey(token)) {
      res.status(403).json({ error: 'Imports are for staff: API keys cannot import or read import reports.' });
      return null;
    }
    const found = token ? await d.viewerOf(token).catch(() => null) : null;
    if (!found) res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in: send "Authorization: Bearer <access token>".' });
    return found;
  };

  router.post('/imports', async (req, res, next) => {
    try {
      res.set('Cache-Control', 'no-store');
      const v = await viewer(req, res);
      if (!v) return;
      const kind = String(req.query.kind ?? '').toUpperCase() as ImportKind;
      if (!KINDS.includes(kind)) {
        res.status(400).json({ error: 'Say what the file holds: ?kind=CUSTOMER, LEAD or PARTNER.' });
        return;
      }
      if (Number(req.header('content-length') ?? 0) > MAX_IMPORT_BYTES) {
        res.status(413).set('Connection', 'close').json({ error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it into smaller files.` });
        return;
      }
      const fileName = String(req.query.fileName ?? req.header('x-file-name') ?? 'import.csv');
      const imp = await imports.upload(v, kind, fileName, req);
      res.status(201).json({ id: d.ids.toGlobal(imp.id), status: imp.status, rowCount: imp.rowCount });
    } catch (err) {
      if (err instanceof CsvRefused) {
        if (err.status === 413) res.set('Connection', 'close');
        res.status(err.status).json({ error: err.message });
        return;
      }
      const domain = domainErrorOf(err);
      if (domain?.code === 'FORBIDDEN') {
        res.status(403).json({ error: domain.message });
        return;
      }
      next(err);
    }
  });

  router.get('/imports/:id/errors.csv', async (req, res, next) => {
    try {
      res.set('Cache-Control', 'no-store');
      const v = await viewer(req, res);
      if (!v) return;
      const report = await imports.errorReport(v, d.ids.fromGlobal(String(req.params.id)));
      if (!report) {
        res.status(404).json({ error: 'No such import.' });
        return;
      }
      res.status(200).type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${report.fileName.replace(/["\\\r\n]/g, '_')}"`);
      const written = await writeCsv(res, report.header, report.batches, () => res.destroyed);
      if (written.complete) res.end();
      else res.destroy();
    } catch (err) {
      next(err);
    }
  });
  return router;
}
