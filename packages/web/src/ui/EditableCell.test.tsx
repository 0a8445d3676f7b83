import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { EditableCell } from './EditableCell';

const user = userEvent.setup({ delay: null });

/** A phone cell whose server refuses anything shorter than 10 digits, as `updateCustomer` does. */
function PhoneCell({ canEdit = true, saves }: { canEdit?: boolean; saves: string[] }) {
  const [phone, setPhone] = useState('6125550100');
  return (
    <EditableCell
      label="Phone of Ana Ruiz"
      type="tel"
      value={phone}
      canEdit={canEdit}
      onSave={async (v) => {
        saves.push(v);
        if (v.replace(/\D/g, '').length < 10) return 'Phone is not a valid phone number.';
        setPhone(v);
        return null;
      }}
    >
      {phone}
    </EditableCell>
  );
}

describe('EditableCell', () => {
  it('offers no edit where the viewer may not change the value', () => {
    render(<PhoneCell canEdit={false} saves={[]} />);
    expect(screen.getByText('6125550100')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows the server’s error at the cell and keeps the field open, then saves a good value', async () => {
    const saves: string[] = [];
    render(<PhoneCell saves={saves} />);
    await user.click(screen.getByRole('button', { name: 'Edit phone of Ana Ruiz' }));
    const field = screen.getByRole('textbox', { name: 'Phone of Ana Ruiz' });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, '612555{Enter}');
    const error = await screen.findByRole('alert');
    expect(error).toHaveTextContent('Phone is not a valid phone number.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAttribute('aria-describedby', error.id);
    expect(field).toHaveValue('612555');
    await user.type(field, '0199{Enter}');
    await waitFor(() => expect(screen.queryByRole('textbox')).not.toBeInTheDocument());
    expect(screen.getByText('6125550199')).toBeInTheDocument();
    expect(saves).toEqual(['612555', '6125550199']);
  });

  it('Escape cancels without saving; an unchanged value is not sent', async () => {
    const saves: string[] = [];
    render(<PhoneCell saves={saves} />);
    await user.click(screen.getByRole('button', { name: 'Edit phone of Ana Ruiz' }));
    await user.type(screen.getByRole('textbox'), '99{Escape}');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByText('6125550100')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit phone of Ana Ruiz' }));
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(saves).toEqual([]);
  });
});
