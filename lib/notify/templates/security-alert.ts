import { z } from "zod";
import { layoutMail, type MailBlock } from "./layout";
import { defineMailTemplate } from "./types";

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
  }),
  render(data, env) {
    const when = new Date(data.at).toUTCString().replace("GMT", "UTC");
    const facts = [...data.facts, { label: "Done by", value: data.who }, { label: "When", value: when }];
    if (data.fromAddress) facts.push({ label: "From address", value: data.fromAddress });
    const blocks: MailBlock[] = [
      { kind: "paragraph", text: data.summary },
      { kind: "facts", rows: facts },
      ...(data.warning ? [{ kind: "warning" as const, text: data.warning }] : []),
      {
        kind: "paragraph",
        text: "If this was not you or someone you trust: sign in, change your panel password, turn on two-factor sign-in, review the change below, and contact your hosting provider's support.",
      },
      { kind: "button", label: "Review in Mailroom", url: new URL(data.reviewPath, env.panelUrl).toString() },
    ];
    const { text, html } = layoutMail({
      title: data.title,
      greeting: `Hello${data.recipientName ? ` ${data.recipientName}` : ""},`,
      blocks,
      footer: "You get this security notice because you own this hosting account in Mailroom. Security notices cannot be turned off.",
    });
    return { subject: `Mailroom: ${data.title}`, text, html };
  },
});
