/**
 * A throwaway self-signed certificate for serving the reference over TLS: the AWS local proxy only
 * speaks `wss://`, and with `-k` it accepts a certificate nobody signed. Generated in memory at each
 * start and never written anywhere, so no key outlives the process that made it.
 */
import { generate } from 'selfsigned';

/** PEM texts, the shape node:https and `startServer`'s `tls` option take. */
export interface TlsCredentials {
  cert: string;
  key: string;
}

/** A day: long enough for any test session, short enough that a leaked one soon expires. */
const VALIDITY_MS = 24 * 60 * 60 * 1000;

/**
 * A certificate for localhost, 127.0.0.1 and ::1 (the addresses `serve` listens on unless told
 * otherwise), RSA 2048 signed with SHA-256, valid from a minute ago (a client's clock may lag) for a day.
 */
export async function selfSignedCertificate(now = new Date()): Promise<TlsCredentials> {
  const notBeforeDate = new Date(now.getTime() - 60_000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(now.getTime() + VALIDITY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
