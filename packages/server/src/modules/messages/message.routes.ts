import { timingSafeEqual, createHash } from 'node:crypto';
import express from 'express';
import { esc, publicPage } from '../../platform/http/public-page';
import type { MessageService } from './message.service';


const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The public edges of messaging: `GET /unsubscribe/:token` (the link in marketing and review e-mail; also POST for
 * one-click `List-Unsubscribe-Post`) and `POST /sms/inbound` (the SMS provider's webhook for replies: form-encoded
 * `From` and `Body`, checked against `SMS_INBOUND_SECRET` in the `X-Webhook-Secret` header or the `secret` query).
 */
export function messageRoutes(messages: MessageService, inboundSecret: string | undefined, companyName: string): express.Router {
  const router = express.Router();
  const page = (title: string, text: string) => publicPage(companyName, title, `<div class="card"><h1>${esc(title)}</h1><p>${esc(text)}</p></div>`);
  const unsubscribe = async (req: express.Request, res: express.Response) => {
    const done = await messages.unsubscribe(String(req.params.token));
    res.status(done ? 200 : 404).type('html').send(
      done ? page('You are unsubscribed', 'You will get no more of these messages from us.') : page('Link not found', 'This unsubscribe link is not valid.'),
    );
  };
  router.get('/unsubscribe/:token', unsubscribe);
  router.post('/unsubscribe/:token', unsubscribe);
  router.post('/sms/inbound', express.urlencoded({ extended: false, limit: '20kb' }), async (req, res) => {
    const given = req.header('x-webhook-secret') ?? (typeof req.query.secret === 'string' ? req.query.secret : '');
    if (!inboundSecret || !timingSafeEqual(digest(given), digest(inboundSecret))) {
      res.status(inboundSecret ? 401 : 404).json({ error: inboundSecret ? 'bad secret' : 'not configured' });
      return;
    }
    const from = typeof req.body?.From === 'string' ? req.body.From : '';
    const body = typeof req.body?.Body === 'string' ? req.body.Body : '';
    if (!from) {
      res.status(400).json({ error: 'From is required' });
      return;
    }
    await messages.inboundSms(from, body);
    res.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
  });
  return router;
}
