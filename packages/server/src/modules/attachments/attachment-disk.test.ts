import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { attachmentWorld, describeAttachments } from '../../../test/attachments';
import { useTestApp } from '../../../test/harness';

// Files on the disk (the default storage), under a directory of this test file's own.
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'crm-files-'));
});
const { t, w } = useTestApp(attachmentWorld, { env: () => ({ FILES_DIR: dir, FILES_MAX_BYTES: '1048576', JOBS_WORKERS: 'true' }) });
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function storedKeys(): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith('.type'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describeAttachments('the disk', t, w, storedKeys);
