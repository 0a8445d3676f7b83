import express from 'express';

/** The company's colours (e-mail and the public pages). */
export const COLOURS = { primary: '#0b4f8a', accent: '#f28c28', text: '#1f2933', muted: '#6b7280', background: '#f4f6f8', danger: '#b42318' };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Where the public pages' stylesheet is served (the app's CSP allows this origin's styles only, no inline ones). */
export const PUBLIC_CSS = '/public/page.css';

const CSS = `*{box-sizing:border-box}
body{margin:0;background:${COLOURS.background};color:${COLOURS.text};font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
header{background:${COLOURS.primary};color:#fff;padding:14px 20px;font-weight:700;font-size:1.15rem}
main{max-width:560px;margin:0 auto;padding:20px 16px 40px}
.card{background:#fff;border-radius:10px;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.08);margin-bottom:16px}
h1{font-size:1.35rem;margin:0 0 12px}h2{font-size:1.1rem;margin:0 0 10px}
p{margin:0 0 12px}.muted{color:${COLOURS.muted};font-size:.9rem}
fieldset{border:0;margin:0 0 16px;padding:0}legend{font-weight:700;margin-bottom:8px}
.stars label{display:flex;align-items:center;gap:12px;border:2px solid #d0d5dd;border-radius:8px;padding:10px 14px;margin-bottom:8px;cursor:pointer;min-height:48px}
.stars input{width:22px;height:22px;accent-color:${COLOURS.accent}}
.stars input:checked+span{font-weight:700}.stars label:has(input:checked){border-color:${COLOURS.accent};background:#fff7ef}
.stars input:focus-visible{outline:3px solid ${COLOURS.primary};outline-offset:2px}
.glyph{color:${COLOURS.accent};letter-spacing:2px;font-size:1.2rem}
label.field{display:block;font-weight:600;margin:12px 0 4px}
input[type=text],input[type=email],input[type=tel],textarea{width:100%;font:inherit;padding:10px 12px;border:1px solid #98a2b3;border-radius:8px}
textarea{min-height:120px}
input:focus,textarea:focus{outline:3px solid ${COLOURS.primary};outline-offset:1px}
button{display:block;width:100%;margin-top:16px;padding:14px;border:0;border-radius:8px;background:${COLOURS.accent};color:#fff;font:inherit;font-weight:700;cursor:pointer;min-height:48px}
button:focus-visible{outline:3px solid ${COLOURS.primary};outline-offset:2px}
.errors{border-left:4px solid ${COLOURS.danger};background:#fef3f2;padding:10px 14px;border-radius:6px;margin-bottom:16px}
.errors p{margin:0 0 4px}.error{color:${COLOURS.danger};font-size:.9rem;margin:4px 0 0}
ul.links{list-style:none;padding:0;margin:0}ul.links li{margin-bottom:8px}
ul.links a{display:block;text-align:center;padding:12px;border-radius:8px;background:${COLOURS.primary};color:#fff;text-decoration:none;font-weight:700}
ul.links a:focus-visible{outline:3px solid ${COLOURS.accent};outline-offset:2px}
footer{text-align:center;color:${COLOURS.muted};font-size:.85rem;padding:16px}
`;

/**
 * A public page (no sign-in: the rating page, unsubscribe confirmations) in the company's look: phone-first, one
 * column, this origin's stylesheet only. `bodyHtml` is trusted markup; interpolate text with `esc`.
 */
export function publicPage(companyName: string, title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)} — ${esc(companyName)}</title><link rel="stylesheet" href="${PUBLIC_CSS}"></head>
<body><header>${esc(companyName)}</header><main id="main">${bodyHtml}</main><footer>${esc(companyName)}</footer></body></html>`;
}

/** Serves the public pages' stylesheet. */
export function publicPageAssets(): express.Router {
  const router = express.Router();
  router.get(PUBLIC_CSS, (_req, res) => {
    res.type('text/css').setHeader('cache-control', 'public, max-age=3600');
    res.send(CSS);
  });
  return router;
}
