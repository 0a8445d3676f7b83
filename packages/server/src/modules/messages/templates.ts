import { COLOURS, esc } from '../../platform/http/public-page';

/** What every template may use besides its own data. */
export interface Brand {
  companyName: string;
  /** Set for MARKETING and REVIEW e-mail. */
  unsubscribeUrl?: string | null;
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
  /** The SMS body (the text, shorter where the template says so). */
  sms: string;
}

/** Only http(s) links go into `href`. */
const safeUrl = (url: string): string => (/^https?:\/\//i.test(url) ? url : '#');

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}|\n/)
    .filter((p) => p.trim())
    .map((p) => `<p style="margin:0 0 12px">${esc(p)}</p>`)
    .join('');

/** The shared frame: header with the company's name on its colour, the body, the footer (unsubscribe link if any). */
function layout(brand: Brand, title: string, bodyHtml: string, action?: { label: string; url: string }): string {
  const button = action
    ? `<p style="margin:20px 0"><a href="${esc(safeUrl(action.url))}" style="background:${COLOURS.accent};color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:bold">${esc(action.label)}</a></p>`
    : '';
  const unsubscribe = brand.unsubscribeUrl
    ? `<p style="margin:8px 0 0"><a href="${esc(safeUrl(brand.unsubscribeUrl))}" style="color:${COLOURS.muted}">Unsubscribe</a> from these e-mails.</p>`
    : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body style="margin:0;background:${COLOURS.background};font-family:Arial,Helvetica,sans-serif;color:${COLOURS.text}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="background:#fff;border-radius:6px;overflow:hidden">
<tr><td style="background:${COLOURS.primary};color:#fff;padding:16px 24px;font-size:20px;font-weight:bold">${esc(brand.companyName)}</td></tr>
<tr><td style="padding:24px"><h1 style="font-size:18px;margin:0 0 16px">${esc(title)}</h1>${bodyHtml}${button}</td></tr>
<tr><td style="padding:16px 24px;font-size:12px;color:${COLOURS.muted};border-top:1px solid #e5e7eb">${esc(brand.companyName)}${unsubscribe}</td></tr>
</table></td></tr></table></body></html>`;
}

const footerText = (brand: Brand) => `\n\n— ${brand.companyName}${brand.unsubscribeUrl ? `\nUnsubscribe: ${brand.unsubscribeUrl}` : ''}`;

/**
 * Every message template: plain functions of their data, rendering subject, HTML and text (all interpolated text
 * escaped in HTML). A template's name is what `messages.template` records.
 */
export const templates = {
  /** A notice to staff (reminders): a title and its lines. */
  'staff-notice': (d: { title: string; body: string }, brand: Brand): Rendered => ({
    subject: d.title,
    text: `${d.body}${footerText(brand)}`,
    html: layout(brand, d.title, paragraphs(d.body)),
    sms: `${d.title}${d.body ? `\n${d.body}` : ''}`,
  }),
  /** Asks a customer to rate the work (`message`: the company's text, filled in), with the link to do it; or reminds them. */
  'review-request': (d: { customerName: string; message: string; reviewUrl: string; reminder?: boolean }, brand: Brand): Rendered => {
    const subject = d.reminder ? `A reminder: how did we do, ${d.customerName}?` : `How did we do, ${d.customerName}?`;
    const body = d.reminder ? `Just a reminder — ${d.message}` : d.message;
    return {
      subject,
      text: `Hi ${d.customerName},\n\n${body}\n${d.reviewUrl}${footerText(brand)}`,
      html: layout(brand, subject, `<p style="margin:0 0 12px">Hi ${esc(d.customerName)},</p>${paragraphs(body)}`, { label: 'Rate your project', url: d.reviewUrl }),
      sms: `${brand.companyName}: ${body} ${d.reviewUrl} Reply STOP to opt out.`,
    };
  },
  /** A promotion: a title and its lines, with an optional link. */
  marketing: (d: { title: string; body: string; url?: string | null; label?: string | null }, brand: Brand): Rendered => ({
    subject: d.title,
    text: `${d.body}${d.url ? `\n${d.url}` : ''}${footerText(brand)}`,
    html: layout(brand, d.title, paragraphs(d.body), d.url ? { label: d.label ?? 'Learn more', url: d.url } : undefined),
    sms: `${brand.companyName}: ${d.body}${d.url ? ` ${d.url}` : ''} Reply STOP to opt out.`,
  }),
};

export type Templates = typeof templates;
export type TemplateName = keyof Templates;
export type TemplateData<K extends TemplateName> = Parameters<Templates[K]>[0];

export function render<K extends TemplateName>(name: K, data: TemplateData<K>, brand: Brand): Rendered {
  return (templates[name] as (d: TemplateData<K>, b: Brand) => Rendered)(data, brand);
}
