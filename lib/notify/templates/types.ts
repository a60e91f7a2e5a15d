import type { z } from "zod";

/** A mail ready to send: a subject, plain text, and the same in HTML. */
export type RenderedMail = { subject: string; text: string; html: string };

/** What every template may use besides its data. */
export type MailEnvironment = { panelUrl: string };

/** One mail template: the data it takes (checked when the mail is enqueued) and how it renders. */
export type MailTemplate<S extends z.ZodType = z.ZodType> = {
  schema: S;
  render(data: z.output<S>, env: MailEnvironment): RenderedMail;
};

/** Declares a template (keeps the schema's type for render). */
export function defineMailTemplate<S extends z.ZodType>(template: MailTemplate<S>): MailTemplate<S> {
  return template;
}
