import { TextField } from './TextField';

export interface SearchBoxProps {
  /** `lib/listPage`'s `useSearchBox`: the text as typed, and Enter searches at once. */
  search: { text: string; setText: (text: string) => void; flush: () => void };
  placeholder: string;
  label?: string;
  className?: string;
}

/** A list page's search field: typing searches once it pauses, Enter at once. */
export function SearchBox({ search, placeholder, label = 'Search', className }: SearchBoxProps) {
  return (
    <TextField
      label={label}
      type="search"
      className={className}
      placeholder={placeholder}
      value={search.text}
      onChange={(e) => search.setText(e.target.value)}
      onKeyDown={(e) => {
        // Enter searches at once instead of waiting for the pause.
        if (e.key === 'Enter') search.flush();
      }}
    />
  );
}
