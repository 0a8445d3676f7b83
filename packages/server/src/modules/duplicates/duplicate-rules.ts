/*
 * When two records look like one, and how much: the one definition, used by the forms' warning
 * (`possibleDuplicates`) and by the review queue's scan. Names are compared with pg_trgm's trigram similarity (the
 * extension the CoreDomain migration creates; it ships with PostgreSQL's contrib, the embedded build included).
 */

/** Names at least this similar (0 to 1) at the same address look like one. */
export const CLOSE_NAME = 0.4;

/** A phone number shared by more customers than this is not a sign (an office, a property manager). */
export const MAX_SHARED_PHONE = 10;

/** An address with more customers than this (a building) is compared by phone only. */
export const MAX_SHARED_ADDRESS = 20;

/** The similarity of two names (SQL). */
export const nameSimilarity = (a: string, b: string) => `similarity(lower(${a}), lower(${b}))`;

/**
 * The score (SQL, 0 to 1) from which signs hold (SQL booleans) and how similar the names are: the same e-mail 1; the
 * same phone 0.6 to 1 and a close name at the same address 0.5 to 1, both by the names' similarity.
 */
export const duplicateScore = (s: { email: string; phone: string; address: string; similarity: string }) =>
  `round(greatest(CASE WHEN ${s.email} THEN 1 ELSE 0 END, CASE WHEN ${s.phone} THEN 0.6 + 0.4 * ${s.similarity} ELSE 0 END,
    CASE WHEN ${s.address} THEN 0.5 + 0.5 * ${s.similarity} ELSE 0 END)::numeric, 2)::float8`;

/** The same address: the street (any case) and the ZIP (SQL, over two records' columns). */
export const sameAddress = (a: string, b: string) =>
  `(lower(${a}.address_street) = lower(${b}.address_street) AND ${a}.address_zip IS NOT DISTINCT FROM ${b}.address_zip)`;
