import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CreateUserDocument, SettingsTeamOptionsDocument, SettingsUsersDocument } from '../../gql/graphql';
import { meMock, renderWithApi, userError } from './testUtils';
import { UsersSettings } from './UsersSettings';

const sam = {
  __typename: 'User',
  id: 'VXNlcjoy',
  name: 'Sam Carter',
  email: 'sam@example.com',
  role: 'SALES',
  active: true,
  lastLoginAt: null,
  team: { __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' },
};
const usersMock = {
  request: { query: SettingsUsersDocument, variables: { first: 25, filter: {} } },
  result: {
    data: {
      users: {
        __typename: 'UserConnection',
        totalCount: 1,
        edges: [{ __typename: 'UserEdge', node: sam }],
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
      },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};
const teamsMock = {
  request: { query: SettingsTeamOptionsDocument },
  result: { data: { teams: [{ __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' }] } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

describe('UsersSettings', () => {
  it('lists users; admins add one, and a duplicate e-mail is shown next to the e-mail field', async () => {
    const create = jest.fn(() => ({
      data: {
        createUser: {
          __typename: 'UserPayload',
          user: null,
          errors: [userError(['email'], 'TAKEN', 'Another user already has this e-mail address.')],
        },
      },
    }));
    renderWithApi(<UsersSettings />, [
      meMock('ADMIN'),
      usersMock,
      teamsMock,
      {
        request: {
          query: CreateUserDocument,
          variables: {
            input: {
              name: 'Ana Ruiz',
              email: 'SAM@example.com',
              role: 'FIELD_TECH',
              teamId: 'VGVhbTox',
              password: 'a long enough password',
            },
          },
        },
        result: create,
      },
    ]);
    expect(await screen.findByText('Sam Carter')).toBeInTheDocument();

    const user = userEvent.setup();
    // The button shows once the viewer (`me`) has loaded too, which may come after the list.
    await user.click(await screen.findByRole('button', { name: 'Add user' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a user' });
    await user.type(within(dialog).getByLabelText('Name'), 'Ana Ruiz');
    await user.type(within(dialog).getByLabelText('E-mail'), 'SAM@example.com');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'FIELD_TECH');
    await user.selectOptions(within(dialog).getByLabelText('Team'), 'North Metro');
    await user.type(within(dialog).getByLabelText('Initial password'), 'a long enough password');
    await user.click(within(dialog).getByRole('button', { name: 'Add user' }));

    const email = within(dialog).getByLabelText('E-mail');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('Another user already has this e-mail address.');
    expect(within(dialog).getByLabelText('Name')).toHaveAttribute('aria-invalid', 'false');
    expect(create).toHaveBeenCalledTimes(1);
    // The dialog stays open with what was typed, so the e-mail can be corrected.
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Ana Ruiz');
  });

  it('is read-only for managers', async () => {
    renderWithApi(<UsersSettings />, [meMock('MANAGER'), usersMock, teamsMock]);
    expect(await screen.findByText('Sam Carter')).toBeInTheDocument();
    expect(screen.getByText(/Only admins add or change users/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add user' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit Sam Carter' })).not.toBeInTheDocument();
  });
});
