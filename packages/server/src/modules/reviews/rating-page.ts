import { esc, publicPage } from '../../platform/http/public-page';
import type { RatingView, Refused } from './review-answer.service';
import { MAX_COMMENT } from './review-answer.service';

const STAR_WORDS = ['', 'Poor', 'Fair', 'Good', 'Very good', 'Excellent'];
const PLATFORM_NAMES: Record<string, string> = { GOOGLE: 'Google', FACEBOOK: 'Facebook', YELP: 'Yelp', BBB: 'the BBB', ANGI: 'Angi', NEXTDOOR: 'Nextdoor' };

/** The rating page's markup for one token: the form, the thanks, or why the link no longer works. */
export class RatingPage {
  constructor(private readonly companyName: string) {}

  private page(title: string, body: string): string {
    return publicPage(this.companyName, title, body);
  }

  /** The errors of a refused form, announced, each linked to its field. */
  private errorList(refused: Refused | null): string {
    if (!refused?.errors.length) return '';
    return `<div class="errors" role="alert" id="errors"><p><strong>Please check your answer:</strong></p>${refused.errors
      .map((e) => `<p><a href="#${esc(e.field)}">${esc(e.message)}</a></p>`)
      .join('')}</div>`;
  }

  private fieldError(refused: Refused | null, field: string): { attrs: string; html: string } {
    const e = refused?.errors.find((x) => x.field === field);
    return e ? { attrs: ` aria-invalid="true" aria-describedby="${field}-error"`, html: `<p class="error" id="${field}-error">${esc(e.message)}</p>` } : { attrs: '', html: '' };
  }

  /** The 1–5 star form (with what was entered and what was wrong, after a refused answer). */
  form(token: string, view: RatingView, refused: Refused | null = null, entered: { rating?: unknown; comment?: unknown } = {}): string {
    const comment = typeof entered.comment === 'string' ? entered.comment.slice(0, MAX_COMMENT * 2) : '';
    const ratingError = this.fieldError(refused, 'rating');
    const commentError = this.fieldError(refused, 'comment');
    const stars = [5, 4, 3, 2, 1]
      .map((n) => {
        const checked = entered.rating === String(n) ? ' checked' : '';
        return `<label><input type="radio" name="rating" value="${n}"${n === 5 ? ' id="rating"' : ''}${checked} required><span><span class="glyph" aria-hidden="true">${'★'.repeat(n)}${'☆'.repeat(5 - n)}</span> ${n} star${n > 1 ? 's' : ''} — ${STAR_WORDS[n]}</span></label>`;
      })
      .join('');
    return this.page(
      'Rate your project',
      `${this.errorList(refused)}<div class="card"><h1>How did we do, ${esc(view.customerName)}?</h1>
<p>Your project: <strong>${esc(view.projectName)}</strong></p>
<form method="post" action="/review/${esc(token)}">
<fieldset class="stars"${ratingError.attrs}><legend>Your rating</legend>${stars}${ratingError.html}</fieldset>
<label class="field" for="comment">Anything you would like to tell us? <span class="muted">(optional, up to ${MAX_COMMENT.toLocaleString('en-US')} characters)</span></label>
<textarea id="comment" name="comment" maxlength="${MAX_COMMENT}"${commentError.attrs}>${esc(comment)}</textarea>${commentError.html}
<button type="submit">Send my rating</button>
</form></div>`,
    );
  }

  /** After the answer (now or earlier): thanks; 4–5 stars the public links; 5 stars the referral form while open. */
  thanks(token: string, view: RatingView, opts: { again?: boolean; referred?: boolean; refused?: Refused | null; entered?: Record<string, unknown> } = {}): string {
    const happy = (view.rating ?? 0) >= 4;
    const head = opts.again
      ? `<h1>You have already rated this project</h1><p>Thank you — we have your ${view.rating}-star rating.</p>`
      : happy
        ? `<h1>Thank you, ${esc(view.customerName)}!</h1><p>We are glad you are happy with ${esc(view.projectName)}.</p>`
        : `<h1>Thank you for telling us</h1><p>We are sorry we fell short on ${esc(view.projectName)}. A manager will contact you shortly to make it right.</p>`;
    const links = view.profileLinks.length
      ? `<div class="card"><h2>Would you share it?</h2><p>A public review helps your neighbours find a roofer they can trust.</p><ul class="links">${view.profileLinks
          .map((l) => `<li><a href="${esc(l.url)}" rel="noopener noreferrer" target="_blank">Review us on ${esc(PLATFORM_NAMES[l.platform] ?? l.platform)}</a></li>`)
          .join('')}</ul></div>`
      : '';
    const referred = opts.referred ? `<div class="card" role="status"><p><strong>Thank you for the referral!</strong> We will be in touch with them.</p></div>` : '';
    return this.page('Thank you', `<div class="card">${head}</div>${referred}${links}${view.referralOpen ? this.referralForm(token, opts.refused ?? null, opts.entered ?? {}) : ''}`);
  }

  private referralForm(token: string, refused: Refused | null, entered: Record<string, unknown>): string {
    const val = (k: string) => (typeof entered[k] === 'string' ? esc((entered[k] as string).slice(0, 2000)) : '');
    const input = (name: string, label: string, type: string, autocomplete: string) => {
      const e = this.fieldError(refused, name);
      return `<label class="field" for="${name}">${label}</label><input type="${type}" id="${name}" name="${name}" autocomplete="${autocomplete}" value="${val(name)}"${e.attrs}>${e.html}`;
    };
    const note = this.fieldError(refused, 'note');
    return `<div class="card">${this.errorList(refused)}<h2>Know a neighbour who needs a roofer?</h2>
<p>Tell us who, and we will give them the same care.</p>
<form method="post" action="/review/${esc(token)}/referral">
${input('name', 'Their name', 'text', 'off')}${input('phone', 'Phone', 'tel', 'off')}${input('email', 'E-mail', 'email', 'off')}
${input('street', 'Street address (optional)', 'text', 'off')}${input('zip', 'ZIP (optional)', 'text', 'off')}
<label class="field" for="note">Anything we should know? (optional)</label><textarea id="note" name="note" maxlength="1000"${note.attrs}>${val('note')}</textarea>${note.html}
<button type="submit">Refer them</button></form></div>`;
  }

  notFound(): string {
    return this.page('Link not valid', `<div class="card"><h1>This link is not valid</h1><p>Please use the link from our message exactly as it was sent. If it still does not work, just reply to the message.</p></div>`);
  }

  expired(): string {
    return this.page('Link expired', `<div class="card"><h1>This link has expired</h1><p>Thank you for thinking of us. If you would still like to tell us how we did, just reply to our message.</p></div>`);
  }

  tooMany(): string {
    return this.page('Too many requests', `<div class="card"><h1>Please wait a moment</h1><p>There were too many requests from your connection. Try again in a minute.</p></div>`);
  }

  tooLarge(): string {
    return this.page('Too long', `<div class="card" role="alert"><h1>That was too long</h1><p>Please go back and shorten your comment to ${MAX_COMMENT.toLocaleString('en-US')} characters.</p></div>`);
  }
}
