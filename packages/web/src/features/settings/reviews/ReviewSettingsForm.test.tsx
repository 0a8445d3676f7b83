import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UpdateReviewSettingsDocument, type ReviewSettingsInput } from '../../../gql/graphql';
import { meMock, renderWithApi, userError } from '../testUtils';
import { ReviewSettingsForm } from './ReviewSettingsForm';
import { reviewSettings, settingsMock } from './testData';

type Save = (variables: { input: ReviewSettingsInput }) => object;

/** An admin's form; every save is answered by `save` (which records the variables). */
const renderAdmin = (save: Save) =>
  renderWithApi(<ReviewSettingsForm />, [
    meMock('ADMIN'),
    settingsMock(),
    { request: { query: UpdateReviewSettingsDocument, variables: () => true }, result: save, maxUsageCount: Number.POSITIVE_INFINITY },
  ]);

/** The form once the viewer is known to be an admin (the settings may answer first). */
async function editable() {
  const delay = await screen.findByLabelText('Delay (hours)');
  await waitFor(() => expect(delay).toBeEnabled());
}

async function retype(field: HTMLElement, value: string) {
  await userEvent.clear(field);
  if (value) await userEvent.type(field, value);
}

const link = (n: number) => screen.getByRole('group', { name: `Profile link ${n}` });

describe('ReviewSettingsForm', () => {
  it('sends only the changed fields and says it saved', async () => {
    const save = jest.fn<object, Parameters<Save>>(({ input }) => ({
      data: {
        updateReviewSettings: {
          __typename: 'ReviewSettingsPayload',
          settings: reviewSettings({
            delayHours: input.delayHours ?? 24,
            reminderDays: input.reminderDays ?? [3, 7],
            profileLinks: (input.profileLinks ?? []).map((l) => ({ __typename: 'ReviewProfileLink' as const, ...l })),
            updatedAt: '2026-12-01T10:00:00.000Z',
            updatedBy: { __typename: 'User', id: 'VXNlcjox', name: 'Avery Admin' },
          }),
          errors: [],
        },
      },
    }));
    renderAdmin(save);
    await editable();
    expect(screen.getByRole('button', { name: 'Save review settings' })).toBeDisabled();

    await retype(screen.getByLabelText('Delay (hours)'), '48');
    await retype(screen.getByLabelText('Second reminder'), '');
    await userEvent.click(screen.getByRole('button', { name: 'Add profile link' }));
    expect(within(link(2)).getByLabelText('Platform')).toHaveValue('FACEBOOK');
    // A platform another row has is not offered again.
    expect(within(link(2)).getByRole('option', { name: 'Google' })).toBeDisabled();
    await userEvent.selectOptions(within(link(2)).getByLabelText('Platform'), 'YELP');
    await userEvent.type(within(link(2)).getByLabelText('Link'), 'https://www.yelp.com/writeareview/biz/iswitch');
    await userEvent.click(screen.getByRole('button', { name: 'Save review settings' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved. Requests already made keep their schedule'));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![0]).toEqual({
      input: {
        delayHours: 48,
        reminderDays: [3],
        profileLinks: [
          { platform: 'GOOGLE', url: 'https://g.page/r/iswitch/review' },
          { platform: 'YELP', url: 'https://www.yelp.com/writeareview/biz/iswitch' },
        ],
      },
    });
    expect(screen.getByText(/Last changed .* by Avery Admin\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save review settings' })).toBeDisabled();

    // Removing the first link sends the list without it (and nothing else).
    await userEvent.click(screen.getByRole('button', { name: 'Remove profile link 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save review settings' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    expect(save.mock.calls[1]![0]).toEqual({
      input: { profileLinks: [{ platform: 'YELP', url: 'https://www.yelp.com/writeareview/biz/iswitch' }] },
    });
  });

  it('shows the browser’s and the server’s refusals on the fields they name', async () => {
    const save = jest.fn(() => ({
      data: {
        updateReviewSettings: {
          __typename: 'ReviewSettingsPayload',
          settings: null,
          errors: [
            userError(['profileLinks', '1', 'url'], 'INVALID', 'That is not a link to a review profile.'),
            userError(['reminderDays'], 'INVALID', 'Reminder days must increase.'),
            userError(['expiryDays'], 'INVALID', 'The link must stay valid after the last reminder.'),
          ],
        },
      },
    }));
    renderAdmin(save);
    await editable();

    await userEvent.click(screen.getByRole('button', { name: 'Add profile link' }));
    await userEvent.type(within(link(2)).getByLabelText('Link'), 'http://facebook.com/iswitch');
    await userEvent.click(screen.getByRole('button', { name: 'Save review settings' }));
    // Not https: caught before the request, next to that row's link.
    expect(within(link(2)).getByLabelText('Link')).toHaveAccessibleDescription(expect.stringContaining('Enter the https:// link'));
    expect(within(link(1)).getByLabelText('Link')).toHaveAttribute('aria-invalid', 'false');
    expect(save).not.toHaveBeenCalled();

    await retype(within(link(2)).getByLabelText('Link'), 'https://facebook.com/iswitch');
    await retype(screen.getByLabelText('First reminder'), '9');
    await userEvent.click(screen.getByRole('button', { name: 'Save review settings' }));

    const url = within(link(2)).getByLabelText('Link');
    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    expect(url).toHaveAccessibleDescription(expect.stringContaining('That is not a link to a review profile.'));
    expect(within(link(1)).getByLabelText('Link')).toHaveAttribute('aria-invalid', 'false');
    expect(within(screen.getByRole('group', { name: /Reminders/ })).getByText('Reminder days must increase.')).toBeInTheDocument();
    expect(screen.getByLabelText('Link expires after (days)')).toHaveAccessibleDescription(
      expect.stringContaining('The link must stay valid after the last reminder.'),
    );
    expect(screen.getByLabelText('Delay (hours)')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByRole('status')).toBeEmptyDOMElement();

    // Changing a field takes its message away.
    await retype(url, 'https://facebook.com/iswitch/reviews');
    expect(url).toHaveAttribute('aria-invalid', 'false');
  });

  it('fills the placeholders in the preview as the text is typed', async () => {
    renderAdmin(jest.fn());
    await editable();
    const preview = screen.getByRole('figure', { name: 'Preview' });
    expect(preview).toHaveTextContent('Thank you for choosing iSwitch Roofs for Roof replacement.');

    // (`{{` types one `{`.)
    await retype(screen.getByLabelText('Message'), 'Hi {{customer}, how was {{project} with {{company}? {{unknown}');
    expect(within(preview).getByText('Hi Dana Hansen, how was Roof replacement with iSwitch Roofs? {unknown}')).toBeInTheDocument();
    expect(screen.getByLabelText('Message')).toHaveAccessibleDescription(expect.stringContaining('{customer}, {company} and {project}'));
  });

  it('is read-only for managers, who are told only admins change it', async () => {
    renderWithApi(<ReviewSettingsForm />, [meMock('MANAGER'), settingsMock(reviewSettings({ enabled: false, reminderDays: [5] }))]);
    expect(await screen.findByText('Only admins can change the review settings.')).toBeInTheDocument();
    expect(screen.getByLabelText('Delay (hours)')).toBeDisabled();
    expect(screen.getByLabelText('Message')).toBeDisabled();
    expect(screen.getByLabelText('First reminder')).toHaveValue('5');
    expect(screen.getByLabelText('Second reminder')).toHaveValue('');
    expect(screen.getByRole('checkbox', { name: /Ask for a review/ })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: /Ask for a review/ })).toBeDisabled();
    expect(within(link(1)).getByLabelText('Link')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save review settings' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add profile link' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove profile link/ })).not.toBeInTheDocument();
  });
});
