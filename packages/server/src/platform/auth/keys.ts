import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../logger';

export interface SigningKeys {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Key id derived from the public key, so a regenerated key never reuses an old id. */
function thumbprint(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64url').slice(0, 16);
}

function fromPem(pem: string, kid?: string): SigningKeys {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`JWT_PRIVATE_KEY must be an Ed25519 key, got ${privateKey.asymmetricKeyType ?? 'unknown'}`);
  }
  const publicKey = createPublicKey(privateKey);
  return { kid: kid ?? thumbprint(publicKey), privateKey, publicKey };
}

export function generateSigningKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { kid: thumbprint(publicKey), privateKey, publicKey };
}

/**
 * The access-token signing key: from JWT_PRIVATE_KEY when set (required in production); otherwise generated once
 * and kept under DATA_DIR/keys in development, or generated in memory for tests.
 */
export async function loadSigningKeys(config: Config, logger: Logger): Promise<SigningKeys> {
  if (config.jwt.privateKeyPem) return fromPem(config.jwt.privateKeyPem, config.jwt.keyId);
  if (config.env === 'test') return generateSigningKeys();

  const file = path.join(config.dataDir, 'keys', 'jwt-ed25519.pem');
  try {
    return fromPem(await fs.readFile(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const keys = generateSigningKeys();
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await fs.writeFile(file, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  logger.info({ file, kid: keys.kid }, 'generated a development JWT signing key');
  return keys;
}
