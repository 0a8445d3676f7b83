import type { SupplementItem_SupplementFragment, SupplementLineInput } from '../../gql/graphql';
import { lineTotalCents, parseAmount, parseQuantity } from './claimMoney';

/** One line as its inputs hold it. */
export interface LineValues {
  /** A stable key for React while lines are added and removed. */
  key: string;
  description: string;
  code: string;
  quantity: string;
  unit: string;
  unitPrice: string;
}

export interface SupplementFormValues {
  title: string;
  lines: LineValues[];
}

export const MAX_LINES = 50;

let nextKey = 0;
export const blankLine = (): LineValues => ({ key: `new-${(nextKey += 1)}`, description: '', code: '', quantity: '', unit: '', unitPrice: '' });

export function initialSupplementValues(s?: SupplementItem_SupplementFragment | null): SupplementFormValues {
  if (!s) return { title: '', lines: [blankLine()] };
  return {
    title: s.title,
    lines: s.lineItems.map((l) => ({
      key: l.id,
      description: l.description,
      code: l.code ?? '',
      quantity: l.quantity,
      unit: l.unit ?? '',
      unitPrice: l.unitPrice,
    })),
  };
}

/** The input paths the form shows messages for: the title and each line's fields (`lineItems.0.quantity`). */
export function supplementPaths(lineCount: number): string[] {
  const lines = Array.from({ length: lineCount }, (_, i) =>
    ['description', 'code', 'quantity', 'unit', 'unitPrice'].map((f) => `lineItems.${i}.${f}`),
  ).flat();
  return ['title', 'lineItems', ...lines];
}

/** The checks the browser can make first (the server checks again). */
export function validateSupplement(v: SupplementFormValues): Record<string, string | undefined> {
  const errors: Record<string, string | undefined> = {};
  const title = v.title.trim();
  if (title.length < 2 || title.length > 200) errors.title = 'The title must be 2 to 200 characters.';
  if (!v.lines.length) errors.lineItems = 'Add at least one line.';
  if (v.lines.length > MAX_LINES) errors.lineItems = `A supplement has at most ${MAX_LINES} lines.`;
  v.lines.forEach((l, i) => {
    const at = `lineItems.${i}`;
    const description = l.description.trim();
    if (description.length < 2 || description.length > 300) errors[`${at}.description`] = 'Describe the line (2 to 300 characters).';
    if (l.code.trim().length > 40) errors[`${at}.code`] = 'At most 40 characters.';
    const q = parseQuantity(l.quantity);
    if (q == null || /^0*(\.0*)?$/.test(q)) errors[`${at}.quantity`] = 'More than 0, up to four decimals.';
    if (l.unit.trim().length > 20) errors[`${at}.unit`] = 'At most 20 characters.';
    if (parseAmount(l.unitPrice) == null) errors[`${at}.unitPrice`] = 'Dollars and cents, e.g. 4.25.';
  });
  return errors;
}

export function lineInputs(v: SupplementFormValues): SupplementLineInput[] {
  return v.lines.map((l) => ({
    description: l.description.trim(),
    code: l.code.trim() || null,
    quantity: parseQuantity(l.quantity) ?? l.quantity.trim(),
    unit: l.unit.trim() || null,
    unitPrice: parseAmount(l.unitPrice) ?? l.unitPrice.trim(),
  }));
}

/** Each line's total while typed (cents; null while not numbers), as the server will compute it. */
export const lineTotals = (v: SupplementFormValues) => v.lines.map((l) => lineTotalCents(l.quantity, l.unitPrice));
