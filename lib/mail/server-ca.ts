import "server-only";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The cPanel client trusts a CA given as a file; a certificate pasted in /admin/servers is written once to a
 * file named by its hash (a CA certificate is public, not a secret) and that path is passed on.
 */
export function caFileForPem(pem: string): string {
  const dir = join(tmpdir(), "mailroom-server-ca");
  const file = join(dir, `${createHash("sha256").update(pem).digest("hex").slice(0, 32)}.pem`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, pem.endsWith("\n") ? pem : `${pem}\n`, { mode: 0o600 });
  }
  return file;
}

/** Whether the text looks like one or more PEM certificates (what Node's TLS accepts as `ca`). */
export function looksLikePemCertificate(text: string): boolean {
  return /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(text);
}
