import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { attachmentWorld, describeAttachments } from '../../../test/attachments';
import { useTestApp } from '../../../test/harness';
import { S3Server } from '../../../test/s3-server';

// The same suite with the files in an S3 bucket, on a real S3 API server (s3rver).
let s3: S3Server;
beforeAll(async () => {
  s3 = await S3Server.start();
});
const { t, w } = useTestApp(attachmentWorld, { env: () => ({ ...s3.env(), FILES_MAX_BYTES: '1048576', JOBS_WORKERS: 'true' }) });
afterAll(() => s3.stop());

async function storedKeys(): Promise<string[]> {
  const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  try {
    const out = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    return (out.Contents ?? []).map((o) => o.Key!).sort();
  } finally {
    client.destroy();
  }
}

describeAttachments('an S3 server', t, w, storedKeys);
