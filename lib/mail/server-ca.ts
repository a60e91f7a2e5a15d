import "server-only";

/** Whether the text looks like one or more PEM certificates (what Node's TLS accepts as `ca`). */
export function looksLikePemCertificate(text: string): boolean {
  return /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(text);
}
