import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped, type ValueNode } from 'graphql';
import { isCalendarDate, isDecimal, isEmail, isMoney, isoDateTime, isUuid } from '../validation';

const invalid = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

function stringScalar(name: string, description: string, parse: (value: string) => string): GraphQLScalarType {
  return new GraphQLScalarType({
    name,
    description,
    serialize: (v) => String(v),
    parseValue: (v) => {
      if (typeof v !== 'string') throw invalid(`${name} must be a string.`);
      return parse(v);
    },
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw invalid(`${name} must be a string.`);
      return parse(ast.value);
    },
  });
}

function parseDateTime(v: string): Date {
  const d = isoDateTime(v);
  if (!d) {
    throw invalid('DateTime must be an ISO-8601 date-time with an offset, e.g. 2026-11-22T14:30:00Z.');
  }
  return d;
}

export const scalarResolvers = {
  DateTime: new GraphQLScalarType({
    name: 'DateTime',
    description: 'ISO-8601 date-time with offset.',
    serialize: (v) => {
      const d = v instanceof Date ? v : new Date(String(v));
      if (Number.isNaN(d.getTime())) throw new TypeError('DateTime cannot represent an invalid date');
      return d.toISOString();
    },
    parseValue: (v) => {
      if (typeof v !== 'string') throw invalid('DateTime must be a string.');
      return parseDateTime(v);
    },
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw invalid('DateTime must be a string.');
      return parseDateTime(ast.value);
    },
  }),
  UUID: stringScalar('UUID', 'RFC 4122 UUID.', (v) => {
    if (!isUuid(v)) throw invalid('UUID is malformed.');
    return v.toLowerCase();
  }),
  Email: stringScalar('Email', 'E-mail address.', (v) => {
    const t = v.trim();
    if (!isEmail(t)) throw invalid('Email is not a valid e-mail address.');
    return t;
  }),
  Date: stringScalar('Date', 'Calendar date YYYY-MM-DD.', (v) => {
    if (!isCalendarDate(v)) {
      throw invalid('Date must be a calendar date YYYY-MM-DD, e.g. 2026-12-01.');
    }
    return v;
  }),
  JSON: new GraphQLScalarType({
    name: 'JSON',
    description: 'Any JSON value.',
    serialize: (v) => v,
    parseValue: (v) => v,
    parseLiteral: (ast) => valueFromASTUntyped(ast),
  }),
  Money: stringScalar('Money', 'Decimal string in dollars.', (v) => {
    const t = v.trim();
    if (!isMoney(t)) throw invalid('Money must be a decimal string with at most two decimals, e.g. "1250.00".');
    return t;
  }),
  Decimal: new GraphQLScalarType({
    name: 'Decimal',
    description: 'Decimal string, at most four decimals.',
    // numeric columns answer with their scale ("32.6700"): trailing zeros go.
    serialize: (v) => String(v).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''),
    parseValue: (v) => {
      if (typeof v !== 'string' || !isDecimal(v.trim())) throw invalid('Decimal must be a decimal string with at most four decimals, e.g. "32.67".');
      return v.trim();
    },
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING || !isDecimal(ast.value.trim())) throw invalid('Decimal must be a decimal string with at most four decimals, e.g. "32.67".');
      return ast.value.trim();
    },
  }),
};
