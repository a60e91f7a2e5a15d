import { z } from "zod";
import { englishSecurityWords, type SecurityWords } from "../security-events";
import { formatMailTime, layoutMail, type MailBlock } from "./layout";
import { defineMailTemplate } from "./types";

const labelsSchema = z.object({
  greeting: z.string(),
  greetingNamed: z.string(),
  doneBy: z.string(),
  when: z.string(),
  fromAddress: z.string(),
  ifNotYou: z.string(),
  review: z.string(),
  footer: z.string(),
  subject: z.string(),
});

/** The notice's fixed words in the recipient's language, put in the mail's data when it is queued ({name}/{title} filled at render). */
export function mailLabels(t: SecurityWords): z.infer<typeof labelsSchema> {
  return {
    greeting: t("greeting"),
    greetingNamed: t("greetingNamed", { name: "{name}" }),
    doneBy: t("doneBy"),
    when: t("when"),
    fromAddress: t("fromAddress"),
    ifNotYou: t("ifNotYou"),
    review: t("review"),
    footer: t("footer"),
    subject: t("subject", { title: "{title}" }),
  };
}

/**
 * A security notice to an account's owner: what changed, who did it, when, from which address (the owner's own
 * actions), and what to do if it was not them. Its data never holds a password or a token, only names.
 */
export const securityAlert = defineMailTemplate({
  schema: z.object({
    recipientName: z.string().nullable(),
    /** "Mailbox password changed". */
    title: z.string(),
    /** One sentence: what happened. */
    summary: z.string(),
    facts: z.array(z.object({ label: z.string(), value: z.string() })),
    /** Something that stands out (a forward to outside the account's domains). */
    warning: z.string().nullable(),
    /** "you", "Support", "you, with the API token 'deploy'". */
    who: z.string(),
    /** ISO time of the change. */
    at: z.string(),
    /** The client address, for the owner's own actions. */
    fromAddress: z.string().nullable(),
    /** Panel page to review it, relative to the panel's URL. */
    reviewPath: z.string().startsWith("/"),
    /** The recipient's language, and the template's words in it (mails queued before translations: English). */
    locale: z.string().default("en"),
    labels: labelsSchema.optional(),
  }),
  render(data, env) {
    const words = data.labels ?? mailLabels(englishSecurityWords);
    const when = formatMailTime(data.at, data.locale);
    const facts = [...data.facts, { label: words.doneBy, value: data.who }, { label: words.when, value: when }];
    if (data.fromAddress) facts.push({ label: words.fromAddress, value: data.fromAddress });
    const blocks: MailBlock[] = [
      { kind: "paragraph", text: data.summary },
      { kind: "facts", rows: facts },
      ...(data.warning ? [{ kind: "warning" as const, text: data.warning }] : []),
      { kind: "paragraph", text: words.ifNotYou },
      { kind: "button", label: words.review, url: new URL(data.reviewPath, env.panelUrl).toString() },
    ];
    const { text, html } = layoutMail({
      lang: data.locale,
      title: data.title,
      // Plain replacement, not a second ICU pass: a name is text, whatever braces it holds.
      greeting: data.recipientName ? words.greetingNamed.replace("{name}", data.recipientName) : words.greeting,
      blocks,
      footer: words.footer,
    });
    return { subject: words.subject.replace("{title}", data.title), text, html };
  },
});
