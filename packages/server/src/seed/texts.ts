/** Vocabulary of the seeds: pipeline values (as the migration's CHECK constraints allow) and the words staff write. */

export const LEAD_STATUSES = ['NEW', 'CONTACTED', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT', 'WON', 'LOST'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const OPEN_STATUSES: readonly LeadStatus[] = ['NEW', 'CONTACTED', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT'];

export const LEAD_SOURCES = [
  ['DOOR_KNOCK', 16],
  ['REFERRAL', 20],
  ['WEBSITE', 20],
  ['STORM_CANVASS', 12],
  ['PARTNER', 8],
  ['ADS', 10],
  ['PHONE', 11],
  ['OTHER', 3],
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number][0];

export const PROJECT_TYPES = [
  ['FULL_REPLACEMENT', 30],
  ['REPAIR', 22],
  ['STORM_DAMAGE', 18],
  ['GUTTERS', 10],
  ['SIDING', 8],
  ['INSPECTION', 8],
  ['OTHER', 4],
] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number][0];

/** Typical job size (USD) and crew days. */
export const JOB: Record<ProjectType, { min: number; max: number; days: [number, number] }> = {
  FULL_REPLACEMENT: { min: 12_000, max: 45_000, days: [2, 5] },
  REPAIR: { min: 500, max: 6_000, days: [1, 1] },
  STORM_DAMAGE: { min: 4_000, max: 38_000, days: [2, 6] },
  GUTTERS: { min: 1_500, max: 7_500, days: [1, 2] },
  SIDING: { min: 8_000, max: 32_000, days: [3, 9] },
  INSPECTION: { min: 500, max: 1_200, days: [1, 1] },
  OTHER: { min: 800, max: 9_000, days: [1, 3] },
};

export type Priority = 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT';
export const PRIORITY_WEIGHTS: Record<'storm' | 'other', Array<readonly [Priority, number]>> = {
  storm: [['LOW', 5], ['MEDIUM', 30], ['HIGH', 45], ['URGENT', 20]],
  other: [['LOW', 25], ['MEDIUM', 50], ['HIGH', 20], ['URGENT', 5]],
};
export const PRIORITY_BONUS: Record<Priority, number> = { LOW: -5, MEDIUM: 0, HIGH: 5, URGENT: 10 };

/** Lead score range by status: won deals were hot, lost ones cold. */
export const LEAD_SCORE: Record<LeadStatus, [number, number]> = {
  NEW: [20, 70],
  CONTACTED: [30, 80],
  INSPECTION_SCHEDULED: [40, 85],
  ESTIMATE_SENT: [50, 92],
  WON: [60, 100],
  LOST: [5, 60],
};

export const LOST_REASONS = [
  'Went with a lower bid from another contractor',
  'Insurance claim denied; homeowner postponed the project',
  'Homeowner decided to repair instead of replace',
  'No response after estimate (5 follow-ups)',
  'Price above budget; may revisit next season',
  'Selling the house; buyer will handle the roof',
  'Chose a contractor recommended by their insurer',
  'Financing not approved',
  'HOA did not approve the shingle color in time',
  'Duplicate of an existing lead',
];

export const LEAD_NOTES = [
  'Hail hit the neighborhood last week; several neighbors already signed.',
  'Asked for a quote on architectural shingles and ice & water shield.',
  'Leak over the kitchen after heavy rain; wants someone out quickly.',
  'Interested in GAF Timberline HDZ in Charcoal.',
  'Insurance adjuster meeting pending; homeowner has claim number.',
  'Roof is about 22 years old, granule loss visible in gutters.',
  'Wants gutters and downspouts replaced with the roof.',
  'Referred by a neighbor we did last summer.',
  'Ice dams every winter; asked about ventilation and insulation.',
  'Commercial flat roof section, ponding water near drains.',
];

export const INTERACTION_TYPES = [
  ['CALL', 30],
  ['EMAIL', 24],
  ['SMS', 20],
  ['VISIT', 11],
  ['NOTE', 15],
] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number][0];

export const CHANNELS: Record<InteractionType, string | null> = {
  CALL: 'phone',
  EMAIL: 'email',
  SMS: 'sms',
  VISIT: 'on-site',
  NOTE: null,
};

/** [subject, notes] pairs per interaction type. */
export const INTERACTION_TEXT: Record<InteractionType, Array<[string, string]>> = {
  CALL: [
    ['Intro call', 'Discussed the roof age, recent storm and what the inspection covers.'],
    ['Scheduling the inspection', 'Agreed on a time window; reminded them to keep the side gate unlocked.'],
    ['Follow-up on estimate', 'Walked through the line items; customer comparing with one other bid.'],
    ['Insurance claim questions', 'Explained the supplement process and what the adjuster will look for.'],
    ['Leak reported', 'Water stain on the bedroom ceiling after last night rain; tarp offered.'],
    ['Crew arrival time', 'Confirmed crew arrives at 7:30 and dumpster drop the day before.'],
  ],
  EMAIL: [
    ['Your roofing estimate', 'Sent the estimate PDF with three shingle options and warranty details.'],
    ['Inspection report and photos', 'Shared 24 photos showing hail bruising and lifted shingles.'],
    ['Shingle color options', 'Sent the color brochure; recommended Weathered Wood for the siding.'],
    ['Warranty registration', 'Manufacturer warranty registered; certificate attached.'],
    ['Final invoice', 'Invoice attached; balance due on completion as per contract.'],
    ['Insurance documentation', 'Forwarded the scope of loss and our supplement request.'],
  ],
  SMS: [
    ['Appointment reminder', 'Reminder: inspection tomorrow between 9 and 11.'],
    ['Running late', 'Running about 15 minutes behind, sorry!'],
    ['Crew on site', 'Crew is on site and starting tear-off.'],
    ['Thank you', 'Thanks for choosing iSwitch Roofs! Reply with any questions.'],
    ['Photo of damage', 'Customer texted photos of shingles in the yard.'],
  ],
  VISIT: [
    ['Roof inspection', 'Walked the roof: hail hits on the south and west slopes, soft decking near the chimney.'],
    ['Measurements', 'Measured 28 squares, 8/12 pitch, two layers to tear off.'],
    ['Site walk with adjuster', 'Adjuster agreed to full replacement on the front and back slopes.'],
    ['Final walkthrough', 'Magnet sweep done, customer signed off on completion.'],
    ['Storm damage assessment', 'Wind damage on ridge caps; temporary repair done on site.'],
  ],
  NOTE: [
    ['Access notes', 'Dog in the backyard; use the front door. Gate code on file.'],
    ['HOA approval', 'HOA must approve shingle color before scheduling.'],
    ['Financing', 'Customer interested in 12-month same-as-cash financing.'],
    ['Material order', 'Shingles and underlayment ordered from ABC Supply; delivery confirmed.'],
    ['Permit', 'City permit pulled; inspection to be scheduled after install.'],
    ['Preference', 'Prefers text over calls; available after 4 pm on weekdays.'],
  ],
};

export const OUTCOMES: Record<InteractionType, string[]> = {
  CALL: ['Connected', 'Left voicemail', 'No answer', 'Inspection booked', 'Callback requested'],
  EMAIL: ['Sent', 'Replied', 'Opened'],
  SMS: ['Delivered', 'Replied'],
  VISIT: ['Completed', 'Damage found', 'No damage found', 'Measurements taken'],
  NOTE: [],
};

/** Project names and appointment titles as the API makes them by default: `Jane Doe – full replacement`, `Inspection – Jane Doe`. */
export const projectName = (customer: string, type: ProjectType) => `${customer} – ${type.toLowerCase().replace(/_/g, ' ')}`;
export const APPOINTMENT_TITLES = {
  INSPECTION: 'Inspection',
  ESTIMATE: 'Estimate',
  INSTALL: 'Installation',
  FOLLOW_UP: 'Follow-up',
} as const;
export type AppointmentKind = keyof typeof APPOINTMENT_TITLES;
