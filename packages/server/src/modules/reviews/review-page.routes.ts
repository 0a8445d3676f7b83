import express from 'express';
import { addressBucket } from '../../platform/http/address-bucket';
import type { TokenBuckets } from '../../platform/http/token-buckets';
import { RatingPage } from './rating-page';
import type { RatingView, ReviewAnswerService } from './review-answer.service';

/** Requests per minute one address (an IPv6 one: its /64) may make to the rating pages (a burst of this many, refilled evenly). */
export const RATING_PAGE_RATE = 30;

/**
 * The public rating page of a review request (no sign-in; the token in the path is the only credential):
 * `GET /review/:token` shows the form (or the thanks, or why the link no longer works), `POST /review/:token` takes the
 * answer, `POST /review/:token/referral` a neighbour's details. Rate limited per address; never cached.
 */
export function reviewPageRoutes(answers: ReviewAnswerService, buckets: TokenBuckets, companyName: string): express.Router {
  const router = express.Router();
  const html = new RatingPage(companyName);
  const form = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 20 });

  router.use('/review', async (req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-robots-tag', 'noindex');
    const state = await buckets.take(`rating-page:${addressBucket(req.ip) ?? 'unknown'}`, 1, RATING_PAGE_RATE);
    if (state.ok) return next();
    res.setHeader('retry-after', String(state.retryAfterSeconds));
    res.status(429).type('html').send(html.tooMany());
  });

  /** The page of a request that no longer takes this form: expired (410) or already answered (409). */
  const closed = (res: express.Response, token: string, view: RatingView) =>
    view.state === 'expired' ? res.status(410).type('html').send(html.expired()) : res.status(409).type('html').send(html.thanks(token, view, { again: true }));

  router.get('/review/:token', async (req, res) => {
    const token = String(req.params.token);
    const view = await answers.view(token);
    if (!view) return void res.status(404).type('html').send(html.notFound());
    if (view.state === 'expired') return void res.status(410).type('html').send(html.expired());
    res.type('html').send(view.state === 'open' ? html.form(token, view) : html.thanks(token, view, { again: true }));
  });

  router.post('/review/:token', form, async (req, res) => {
    const token = String(req.params.token);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const result = await answers.answer(token, body);
    if (!result) return void res.status(404).type('html').send(html.notFound());
    if ('errors' in result) {
      const view = await answers.view(token);
      return void res.status(422).type('html').send(html.form(token, view!, result, body));
    }
    if (!result.done) return void closed(res, token, result.view);
    res.type('html').send(html.thanks(token, result.view));
  });

  router.post('/review/:token/referral', form, async (req, res) => {
    const token = String(req.params.token);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const result = await answers.refer(token, body);
    if (!result) return void res.status(404).type('html').send(html.notFound());
    if ('errors' in result) {
      const view = (await answers.view(token))!;
      return void res.status(422).type('html').send(html.thanks(token, view, { refused: result, entered: body }));
    }
    if (!result.done) return void closed(res, token, result.view);
    res.type('html').send(html.thanks(token, result.view, { referred: true }));
  });

  // A body over the limit (or malformed): the page, not the API's JSON error.
  router.use('/review', (err: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (err?.status === 413) return void res.status(413).type('html').send(html.tooLarge());
    if (err?.status === 400) return void res.status(400).type('html').send(html.notFound());
    next(err);
  });
  return router;
}
