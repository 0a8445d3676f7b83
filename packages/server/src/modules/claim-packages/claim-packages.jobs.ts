import type { JobDefinition } from '../../platform/jobs/job-queue';
import { CLAIM_PACKAGE_JOB, type ClaimPackageService } from './claim-package.service';

/** Claim package PDFs (queued by `generateClaimPackage`, in its transaction). */
export function claimPackageJobs(packages: ClaimPackageService): JobDefinition<object>[] {
  return [
    {
      name: CLAIM_PACKAGE_JOB,
      description: "Builds a claim package PDF (summary, money, a supplement's lines, the chosen photos) and attaches it to the claim.",
      retryLimit: 2,
      expireInSeconds: 5 * 60,
      run: (data, ctx) => packages.build((data as { id: string }).id, ctx.logger),
    },
  ];
}
