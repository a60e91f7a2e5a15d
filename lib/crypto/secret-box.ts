import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { config } from "../config";

// Sealed format: "v1.<iv>.<tag>.<ciphertext>" (base64url). The version prefix lets a later key
// rotation or algorithm change tell old values apart.
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

function defaultKey(): Buffer {
  return config().MAILROOM_ENCRYPTION_KEY;
}

function checkKey(key: Buffer): Buffer {
  if (key.length !== 32) throw new Error("The encryption key must be 32 bytes");
  return key;
}

/** Encrypts a secret with AES-256-GCM (MAILROOM_ENCRYPTION_KEY by default); `context` is bound as associated data. */
export function sealSecret(plaintext: string, options: { key?: Buffer; context?: string } = {}): string {
  const key = checkKey(options.key ?? defaultKey());
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  if (options.context) cipher.setAAD(Buffer.from(options.context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** Decrypts a value made by sealSecret; throws if it was tampered with or sealed under another key or context. */
export function openSecret(sealed: string, options: { key?: Buffer; context?: string } = {}): string {
  const key = checkKey(options.key ?? defaultKey());
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Error("Not a sealed secret (unknown format)");
  const [, ivText, tagText, bodyText] = parts as [string, string, string, string];
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(ivText, "base64url"), { authTagLength: TAG_BYTES });
  if (options.context) decipher.setAAD(Buffer.from(options.context, "utf8"));
  decipher.setAuthTag(Buffer.from(tagText, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(bodyText, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    // Never include the ciphertext or key material in the message.
    throw new Error("Cannot decrypt the secret: wrong MAILROOM_ENCRYPTION_KEY or the value was altered");
  }
}
