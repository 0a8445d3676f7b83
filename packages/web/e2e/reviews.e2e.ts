import type { Browser } from 'playwright-core';
import { startSmtp, type TestSmtp } from '../../server/test/smtp-server';
import { screenshot, watchPage } from './browser';
import { useSuite } from './suite';

/**
 * Review requests end to end: a real SMTP server of the test receives the request that completing a project sends;
 * the customer opens its link in Chromium on a phone-sized screen (no sign-in), gives 5 stars and sees the public
 * review links and the referral form; another customer's 2 stars raise the unhappy-customer alert; a used or
 * tampered link shows a clear page and stores nothing.
 */
const ADMIN = 'admin@iswitchroofs.test';

jest.setTimeout(120_000); // testTimeout in a project's config is ignored by multi-project runs

let mail: TestSmtp;
beforeAll(async () => {
  mail = await startSmtp();
});
afterAll(() => mail?.close());
const suite = useSuite(() => ({ SMTP_URL: `smtp://127.0.0.1:${mail.port}`, MAIL_FROM: 'iSwitch Roofs <reviews@iswitchroofs.test>' }));

interface Candidate {
  id: string;
  name: string;
  customer: { id: string; name: string; email: string };
}

/** Completes an in-progress demo project of an opted-in customer and returns the rating-page path from the e-mail. */
async function completeAndReceive(project: Candidate): Promise<string> {
  await suite.stack.api(ADMIN, 'mutation($i: UpdateCustomerInput!) { updateCustomer(input: $i) { errors { message } } }', { i: { id: project.customer.id, emailOptIn: true } });
  const arrived = mail.mailTo(project.customer.email.toLowerCase());
  const done = await suite.stack.api(ADMIN, 'mutation($id: ID!) { updateProject(input: { id: $id, status: COMPLETED }) { errors { message } } }', { id: project.id });
  expect(done.updateProject.errors).toEqual([]);
  const { parsed } = await arrived;
  expect(parsed.subject).toBe(`How did we do, ${project.customer.name}?`);
  return /https?:\/\/[^/\s]+(\/review\/[\w-]{43})/.exec(parsed.text!)![1]!;
}

async function phone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: suite.stack.url });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page, ...watchPage(page) };
}

let candidates: Candidate[];
beforeAll(async () => {
  const data = await suite.stack.api(ADMIN, `{ projects(first: 50, filter: { statuses: [IN_PROGRESS] }) { edges { node { id name customer { id name email } } } } }`);
  candidates = data.projects.edges.map((e: { node: Candidate }) => e.node).filter((p: Candidate) => p.customer?.email);
  expect(candidates.length).toBeGreaterThanOrEqual(2);
});

it('a customer rates 5 stars on their phone, sees the public links and can refer a neighbour; the link then says it was used', async () => {
  const project = candidates[0]!;
  const path = await completeAndReceive(project);
  const c = await phone(suite.browser);
  const res = await c.page.goto(path);
  expect(res!.status()).toBe(200);
  await c.page.getByRole('heading', { name: `How did we do, ${project.customer.name}?`, level: 1 }).waitFor();
  await screenshot(c.page, 'reviews-01-rating-page');
  const stars = c.page.getByRole('group', { name: 'Your rating' });
  await stars.getByRole('radio', { name: /5 stars/ }).check();
  await c.page.getByLabel(/Anything you would like to tell us/).fill('Quick, tidy and friendly. <3');
  await c.page.getByRole('button', { name: 'Send my rating' }).click();
  await c.page.getByRole('heading', { name: `Thank you, ${project.customer.name}!` }).waitFor();
  const google = c.page.getByRole('link', { name: 'Review us on Google' });
  expect(await google.getAttribute('href')).toBe('https://g.page/r/iswitch-roofs-demo/review');
  await c.page.getByRole('heading', { name: 'Know a neighbour who needs a roofer?' }).waitFor();
  await screenshot(c.page, 'reviews-02-thanks');
  await c.page.getByLabel('Their name').fill('Nadia Neighbour');
  await c.page.getByLabel('Phone').fill('(612) 555-0142');
  await c.page.getByRole('button', { name: 'Refer them' }).click();
  await c.page.getByText('Thank you for the referral!').waitFor();

  const review = await suite.stack.api(ADMIN, `query($id: ID!) { project(id: $id) { reviewRequest { status rating review { platform rating text } } } }`, { id: project.id });
  expect(review.project.reviewRequest).toEqual({ status: 'ANSWERED', rating: 5, review: { platform: 'INTERNAL', rating: 5, text: 'Quick, tidy and friendly. <3' } });
  const customer = await suite.stack.api(ADMIN, `query($id: ID!) { customer(id: $id) { referrals { leads } } }`, { id: project.customer.id });
  expect(customer.customer.referrals.leads).toBe(1);

  // The same link again: already rated, nothing new taken.
  const again = await c.page.goto(path);
  expect(again!.status()).toBe(200);
  await c.page.getByRole('heading', { name: 'You have already rated this project' }).waitFor();
  expect(c.pageErrors).toEqual([]);
  expect(c.cspViolations).toEqual([]);
  await c.context.close();
});

it('2 stars stay internal and alert the team; bad input and a tampered link get clear pages and store nothing', async () => {
  const project = candidates[1]!;
  const path = await completeAndReceive(project);
  const c = await phone(suite.browser);
  const tampered = await c.page.goto(`${path.slice(0, -4)}AAAA`);
  expect(tampered!.status()).toBe(404);
  await c.page.getByRole('heading', { name: 'This link is not valid' }).waitFor();

  await c.page.goto(path);
  await c.page.getByRole('radio', { name: /2 stars/ }).check();
  await c.page.getByLabel(/Anything you would like to tell us/).fill('<script>alert("x")</script> the crew left nails');
  await c.page.getByRole('button', { name: 'Send my rating' }).click();
  await c.page.getByRole('alert').getByText('without HTML tags').waitFor();
  expect(await c.page.getByLabel(/Anything you would like to tell us/).inputValue()).toContain('<script>'); // kept, escaped
  const pending = await suite.stack.api(ADMIN, `query($id: ID!) { project(id: $id) { reviewRequest { status } } }`, { id: project.id });
  expect(pending.project.reviewRequest.status).toBe('SENT');

  await c.page.getByLabel(/Anything you would like to tell us/).fill('The crew left nails in the driveway.');
  await c.page.getByRole('radio', { name: /2 stars/ }).check();
  await c.page.getByRole('button', { name: 'Send my rating' }).click();
  await c.page.getByRole('heading', { name: 'Thank you for telling us' }).waitFor();
  await c.page.getByText('A manager will contact you shortly').waitFor();
  expect(await c.page.getByRole('link', { name: /Review us on/ }).count()).toBe(0);
  await screenshot(c.page, 'reviews-03-unhappy');
  const alerts = await suite.stack.api(ADMIN, `{ alerts(first: 50) { kind title } }`);
  expect(alerts.alerts).toContainEqual({
    kind: 'UNHAPPY_CUSTOMER',
    title: `${project.customer.name} gave 2 of 5 stars for ${project.name}`,
  });
  expect(c.pageErrors).toEqual([]);
  expect(c.cspViolations).toEqual([]);
  await c.context.close();
});
