import { z } from "zod";
import { layoutMail } from "./layout";
import { defineMailTemplate } from "./types";

/** A password-reset link (its token only in the path): single use, 30 minutes; two-factor sign-in stays as it is. */
export const passwordReset = defineMailTemplate({
  schema: z.object({
    /** "/reset-password/<token>", relative to the panel's URL. */
    linkPath: z.string().regex(/^\/reset-password\/[A-Za-z0-9_-]+$/),
    /** Epoch ms when the link stops working. */
    expiresAt: z.number().int(),
    validMinutes: z.number().int().positive(),
  }),
  render(data, env) {
    const link = new URL(data.linkPath, env.panelUrl).toString();
    const until = new Date(data.expiresAt).toUTCString().replace("GMT", "UTC");
    const { text, html } = layoutMail({
      title: "Choose a new panel password",
      greeting: "Hello,",
      blocks: [
        {
          kind: "paragraph",
          text: "Someone asked for a link to choose a new password for your Mailroom login. If it was you, use the button below.",
        },
        { kind: "button", label: "Choose a new password", url: link },
        {
          kind: "paragraph",
          text: `The link works once, for ${data.validMinutes} minutes (until ${until}). Saving a new password signs your login out everywhere. If you use two-factor sign-in, you will still need your code.`,
        },
        {
          kind: "warning",
          text: "If you did not ask for this, ignore this e-mail: your password stays as it is. Nobody from support will ever ask you for this link.",
        },
      ],
      footer: "You get this e-mail because a password reset was requested for this address in Mailroom.",
    });
    return { subject: "Mailroom: reset your password", text, html };
  },
});
