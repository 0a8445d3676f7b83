import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (o: Record<string, unknown>) => { run(): Promise<{ address: string; port: number }>; close(): Promise<void> };

/** A real S3 API server (npm `s3rver`) on its own port over a temporary directory, with one bucket. */
export class S3Server {
  private constructor(
    private readonly server: InstanceType<typeof S3rver>,
    private readonly dir: string,
    readonly port: number,
    readonly bucket: string,
  ) {}

  static async start(bucket = 'crm-test'): Promise<S3Server> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 's3rver-'));
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: bucket }] });
    const { port } = await server.run();
    return new S3Server(server, dir, port, bucket);
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The environment that points the app's storage at this server (s3rver takes any credentials: its defaults). */
  env(): Record<string, string> {
    return {
      S3_ENDPOINT: this.endpoint,
      S3_BUCKET: this.bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    };
  }

  async stop(): Promise<void> {
    await this.server.close();
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}
