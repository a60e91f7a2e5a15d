import { z } from "zod";
import { layoutMail, type MailBlock } from "./layout";
import { defineMailTemplate } from "./types";

/** An invitation to the panel: the single-use link (its token only in the path), how long it works, and what comes after. */
export const invitation = defineMailTemplate({
  schema: z.object({
    /** "/invite/<token>", relative to the panel's URL. */
    linkPath: z.string().regex(/^\/invite\/[A-Za-z0-9_-]+$/),
    /** Epoch ms when the link stops working. */
    expiresAt: z.number().int(),
    /** The staff member's name, or null (the command line, an import). */
    invitedBy: z.string().nullable(),
    /** Primary domains of the hosting accounts the login owns. */
    accounts: z.array(z.string()),
  }),
  render(data, env) {
    const link = new URL(data.linkPath, env.panelUrl).toString();
    const until = new Date(data.expiresAt).toUTCString().replace("GMT", "UTC");
    const blocks: MailBlock[] = [
      {
        kind: "paragraph",
        text: `${data.invitedBy ? `${data.invitedBy} invited you` : "You are invited"} to Mailroom, the panel where you manage the mailboxes, forwarders and autoresponders of your hosting ${data.accounts.length === 1 ? "account" : "accounts"}.`,
      },
      ...(data.accounts.length
        ? [{ kind: "facts" as const, rows: [{ label: data.accounts.length === 1 ? "Account" : "Accounts", value: data.accounts.join(", ") }] }]
        : []),
      { kind: "button", label: "Choose your password", url: link },
      { kind: "paragraph", text: `The link works once, until ${until}. After choosing your password you can turn on two-factor sign-in.` },
      { kind: "paragraph", text: "If you did not expect this invitation, ignore this e-mail: nothing happens until the link is used." },
    ];
    const { text, html } = layoutMail({
      title: "You are invited to Mailroom",
      greeting: "Hello,",
      blocks,
      footer: "You get this e-mail because your hosting provider invited this address to Mailroom.",
    });
    return { subject: "Mailroom: your invitation", text, html };
  },
});
