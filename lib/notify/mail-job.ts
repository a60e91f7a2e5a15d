import "server-only";
import { z } from "zod";
import { config } from "@/lib/config";
import type { JobHandler, JobHandlers, RetryPolicy } from "@/lib/jobs/types";
import { sendMail } from "./mailer";
import { mailTemplates, type MailTemplateName } from "./templates";

/** The job kind that sends one mail. */
export const MAIL_JOB = "mail.send";

/** Mail is retried for about two hours (30 s, 1, 2, 4 … 60 min) before it is listed as failed. */
export const MAIL_RETRY: RetryPolicy = { attempts: 8, backoffMs: 30_000 };

const payloadSchema = z.object({ to: z.string(), template: z.string(), key: z.string(), data: z.record(z.string(), z.unknown()).optional() });

/** Renders the queued mail and sends it; once sent, only the recipient and template are kept in the job. */
export const sendMailJob: JobHandler = async (payload) => {
  const job = payloadSchema.parse(payload);
  if (!job.data) throw new Error("This mail was sent already; its content is no longer kept");
  const template = mailTemplates[job.template as MailTemplateName];
  if (!template) throw new Error(`Unknown mail template ${job.template}`);
  const mail = template.render(template.schema.parse(job.data) as never, { panelUrl: config().NEXTAUTH_URL });
  await sendMail({ to: job.to, key: job.key, mail });
  return { payloadAfter: { to: job.to, template: job.template, key: job.key } };
};

/** The job handlers of lib/notify, for the worker (instrumentation-node.ts). */
export const notifyJobHandlers: JobHandlers = { [MAIL_JOB]: sendMailJob };
