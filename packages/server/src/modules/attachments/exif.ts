import exifr from 'exifr';

/** What a photo's metadata says about where and when it was taken. */
export interface PhotoMetadata {
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
}

const NOTHING: PhotoMetadata = { takenAt: null, latitude: null, longitude: null };
const finite = (n: unknown, limit: number) => (typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= limit ? n : null);

/**
 * Reads EXIF (date taken, GPS) from the first bytes of an image (JPEG, PNG, WebP, HEIC keep it near the start). A
 * photo without metadata, or with damaged metadata, gives nulls: metadata never refuses an upload. EXIF dates carry no
 * zone unless OffsetTimeOriginal says one; without it they are read as UTC.
 */
export async function photoMetadata(head: Buffer): Promise<PhotoMetadata> {
  try {
    const tags = (await exifr.parse(head, { tiff: true, exif: true, gps: true, ifd1: false, reviveValues: false, translateValues: false, pick: ['DateTimeOriginal', 'CreateDate', 'OffsetTimeOriginal', 'GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef', 'latitude', 'longitude'] })) as Record<string, unknown> | undefined;
    if (!tags) return NOTHING;
    return { takenAt: exifDate(tags.DateTimeOriginal ?? tags.CreateDate, tags.OffsetTimeOriginal), latitude: finite(tags.latitude, 90), longitude: finite(tags.longitude, 180) };
  } catch {
    return NOTHING;
  }
}

/** `2026:05:14 10:32:07` (+ `-05:00`) as an instant. */
function exifDate(value: unknown, offset: unknown): Date | null {
  const m = typeof value === 'string' ? /^(\d{4}):(\d\d):(\d\d) (\d\d):(\d\d):(\d\d)/.exec(value) : null;
  if (!m) return null;
  const zone = typeof offset === 'string' && /^[+-]\d\d:\d\d$/.test(offset) ? offset : 'Z';
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
