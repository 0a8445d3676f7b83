import { buffer } from 'node:stream/consumers';
import sharp from 'sharp';
import type { DataSource } from 'typeorm';
import type { AttachmentKind, CauseOfLoss, SupplementStatus } from '../../generated/graphql';
import { zonedFormat } from '../../platform/time-zone';
import type { ObjectStorage } from '../../platform/storage/object-storage';
import type { AttachmentEntity } from '../attachments/attachment.entity';
import { claimMoney } from '../claims/claim-money';
import { CLAIM_STAGE_NAMES } from '../claims/claim-transitions';
import type { ClaimEntity } from '../claims/claim.entity';
import { createClaimLoaders } from '../claims/claim.loaders';
import type { SupplementEntity } from '../claims/supplement.entity';
import type { PackageFacts, PackagePhoto, PackageSupplement } from './claim-package-pdf';

/** Longer side of a photo in the PDF, in pixels (sharp enough on a printed half page, small enough to mail). */
const PHOTO_PIXELS = 1600;

const CAUSES: Record<CauseOfLoss, string> = { HAIL: 'Hail', WIND: 'Wind', TREE: 'Tree or limb', OTHER: 'Other' };
const KINDS: Record<AttachmentKind, string> = {
  BEFORE: 'Before',
  DAMAGE: 'Damage',
  DURING: 'During the work',
  AFTER: 'After',
  DOCUMENT: 'Document',
  SIGNED_CONTRACT: 'Signed contract',
  INSURANCE_SCOPE: 'Insurance scope',
};
const SUPPLEMENT_STATES: Record<SupplementStatus, string> = {
  DRAFT: 'Draft (not sent)',
  SENT: 'Sent, waiting for the answer',
  APPROVED: 'Approved',
  PARTIALLY_APPROVED: 'Partially approved',
  DENIED: 'Denied',
};

/** A decimal amount as US currency, exact (string arithmetic): `"-1234.5"` → `"-$1,234.50"`; null → `"-"`. */
export function usd(amount: string | null): string {
  if (amount === null) return '-';
  const negative = amount.startsWith('-');
  const [whole = '0', cents = ''] = amount.replace(/^-/, '').split('.');
  return `${negative ? '-' : ''}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents.padEnd(2, '0').slice(0, 2)}`;
}

/** A decimal quantity without trailing zeros, with its unit: `"10.5000", "SQ"` → `"10.5 SQ"`. */
export function quantity(q: string | null, unit: string | null): string {
  if (q === null) return '-';
  const trimmed = q.includes('.') ? q.replace(/0+$/, '').replace(/\.$/, '') : q;
  return unit ? `${trimmed} ${unit}` : trimmed;
}

/** Days and times on the company's clock. */
export class CompanyClock {
  constructor(readonly timeZone: string) {}

  /** `2026-05-14` → `May 14, 2026` (a calendar date: no zone). */
  day(date: string | null): string {
    if (!date) return '-';
    const [y, m, d] = date.split('-').map(Number);
    return zonedFormat('UTC', { month: 'short', day: 'numeric', year: 'numeric' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
  }

  /** An instant as `May 14, 2026, 10:32 AM CDT`. */
  time(at: Date | null): string {
    if (!at) return '-';
    return zonedFormat(this.timeZone, { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(at);
  }
}

/** `Claim <number>`, or the carrier's when it has none yet. */
export const packageTitle = (claim: ClaimEntity): string => (claim.claimNumber ? `Claim ${claim.claimNumber}` : `${claim.carrier} claim`);

/**
 * Reads what a claim package shows, as the system (the request that asked for it was checked): the claim's summary
 * and money through the claims feature's readers, the supplement's lines, and the photos from the storage made
 * upright JPEGs (a photo the image library cannot read, e.g. HEIC, is left out).
 */
export async function packageFacts(
  ds: DataSource,
  storage: ObjectStorage,
  clock: CompanyClock,
  companyName: string,
  p: { claim: ClaimEntity; supplement: SupplementEntity | null; photos: AttachmentEntity[]; now: Date },
): Promise<PackageFacts> {
  const { claim } = p;
  const readers = createClaimLoaders(ds, null);
  const [property, inputs, adjuster] = await Promise.all([readers.claimPropertyById.load(claim.id), readers.claimMoneyInputsById.load(claim.id), adjusterOf(ds, claim)]);
  const address = property.address && [property.address.street, [property.address.city, property.address.state].filter(Boolean).join(', '), property.address.zip].filter(Boolean).join(', ');
  const money = claimMoney(claim, inputs);
  return {
    companyName,
    title: packageTitle(claim),
    generatedAt: clock.time(p.now),
    summary: [
      ['Insured', property.insuredName ?? '-'],
      ['Property', address || '-'],
      ['Carrier', claim.carrier],
      ['Claim number', claim.claimNumber ?? '-'],
      ['Policy number', claim.policyNumber ?? '-'],
      ['Date of loss', clock.day(claim.dateOfLoss)],
      ['Cause of loss', CAUSES[claim.causeOfLoss]],
      ['Adjuster', adjuster],
      ['Inspection', claim.inspectionAt ? clock.time(claim.inspectionAt) : 'Not booked'],
      ['Status', CLAIM_STAGE_NAMES[claim.status]],
      ['Depreciation deadline', clock.day(claim.depreciationDeadline)],
    ],
    money: [
      ['Replacement cost value (RCV)', usd(money.rcv)],
      ['Recoverable depreciation', usd(money.recoverableDepreciation)],
      ['Non-recoverable depreciation', usd(money.nonRecoverableDepreciation)],
      ['Overhead and profit', usd(money.overheadAndProfit)],
      ['Deductible', usd(money.deductible)],
      ['Approved total', usd(money.approvedTotal)],
      ['Approved RCV', usd(money.approvedRcv)],
      ['Actual cash value (ACV)', usd(money.acv)],
      ['Homeowner owes (deductible)', usd(money.homeownerOwes)],
      ['Depreciation released', money.depreciationReleased ? 'Yes (work completed)' : 'Not yet'],
      ['Supplements requested', usd(money.supplementsRequested)],
      ['Supplements approved', usd(money.supplementsApproved)],
      ['Payments received', usd(money.paymentsReceived)],
      ['Carrier still owes', usd(money.carrierOwes)],
      ['Depreciation to collect', usd(money.depreciationToCollect)],
    ],
    supplement: p.supplement && (await supplementFacts(readers, clock, p.supplement)),
    photos: (await Promise.all(p.photos.map((a) => photoFacts(storage, clock, a)))).filter((x): x is PackagePhoto => x !== null),
  };
}

async function adjusterOf(ds: DataSource, claim: ClaimEntity): Promise<string> {
  if (!claim.adjusterPartnerId) return [claim.adjusterName, claim.adjusterPhone].filter(Boolean).join(', ') || 'Not known yet';
  const [row]: Array<{ partner: string | null; name: string | null; phone: string | null }> = await ds.query(
    `SELECT p.name AS partner, c.name, c.phone FROM partners p LEFT JOIN partner_contacts c ON c.id = $2 WHERE p.id = $1`,
    [claim.adjusterPartnerId, claim.adjusterContactId],
  );
  return [row?.name, row?.phone, row?.partner].filter(Boolean).join(', ') || 'Not known yet';
}

async function supplementFacts(readers: ReturnType<typeof createClaimLoaders>, clock: CompanyClock, s: SupplementEntity): Promise<PackageSupplement> {
  const lines = await readers.supplementLinesBySupplementId.load(s.id);
  const answered = s.status !== 'DRAFT' && s.status !== 'SENT';
  const state = [SUPPLEMENT_STATES[s.status], s.sentAt && `sent ${clock.time(s.sentAt)}`, s.answeredAt && `answered ${clock.time(s.answeredAt)}`].filter(Boolean).join('; ');
  return {
    title: s.title,
    state,
    lines: lines.map((l) => ({
      description: l.code ? `${l.code} - ${l.description}` : l.description,
      quantity: quantity(l.quantity, l.unit),
      unitPrice: usd(l.unitPrice),
      requested: usd(l.requestedTotal),
      approvedQuantity: answered ? quantity(l.approvedQuantity, l.unit) : '-',
      approvedUnitPrice: answered ? usd(l.approvedUnitPrice) : '-',
      approved: answered ? usd(l.approvedTotal) : '-',
    })),
    requestedTotal: usd(s.requestedTotal),
    approvedTotal: answered ? usd(s.approvedTotal) : '-',
  };
}

async function photoFacts(storage: ObjectStorage, clock: CompanyClock, a: AttachmentEntity): Promise<PackagePhoto | null> {
  const stream = await storage.get(a.storageKey);
  if (!stream) return null;
  try {
    const { data, info } = await sharp(await buffer(stream), { failOn: 'error' })
      .rotate()
      .resize(PHOTO_PIXELS, PHOTO_PIXELS, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const taken = a.takenAt ? `taken ${clock.time(a.takenAt)}` : 'date taken not known';
    return { jpeg: data, width: info.width, height: info.height, heading: `${KINDS[a.kind]} - ${taken} - ${a.fileName}`, caption: a.caption };
  } catch {
    return null;
  }
}
