import "server-only";
import { z } from "zod";
import { enqueueJob } from "@/lib/jobs/queue";
import { MAIL_JOB, MAIL_RETRY } from "./mail-job";
import { mailTemplates, type MailTemplateName } from "./templates";

export type { MailTemplateName };

// Names a secret would go by: data under such a key is refused, so no password or token is queued, stored or sent.
const SECRET_KEY = /^(password|new_?password|secret|token|api_?token|totp|code|recovery_?codes?)$/i;

function secretKeyIn(value: unknown, path: string[] = []): string | undefined {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = secretKeyIn(item, [...path, String(i)]);
      if (found) return found;
    }
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (SECRET_KEY.test(key)) return [...path, key].join(".");
      const found = secretKeyIn(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

const address = z.email();

/**
 * Queues one mail: `template` rendered with `data` and sent to `to` by the job queue, never inside the request.
 * `key` is the idempotency key: the same key never mails twice (a retried write, a double submit). The data is
 * checked against the template now, so a wrong call fails here and not in a job an hour later.
 */
export async function enqueueMail(input: { key: string; to: string; template: MailTemplateName; data: Record<string, unknown> }): Promise<void> {
  const template = mailTemplates[input.template];
  if (!template) throw new Error(`Unknown mail template ${String(input.template)}`);
  const to = address.parse(input.to.trim());
  const secret = secretKeyIn(input.data);
  if (secret) throw new Error(`Mail data must not carry a secret (${secret})`);
  const data = template.schema.parse(input.data) as Record<string, unknown>;
  await enqueueJob({
    kind: MAIL_JOB,
    key: `mail:${input.key}`,
    title: `Mail “${input.template}” to ${to}`,
    payload: { to, template: input.template, key: input.key, data },
    retry: MAIL_RETRY,
  });
}
