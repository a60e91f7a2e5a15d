import { z } from "zod";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import { formatMailTime, layoutMail, type MailBlock } from "./layout";
import { defineMailTemplate } from "./types";

const dataSchema = z.object({
  /** "/invite/<token>", relative to the panel's URL. */
  linkPath: z.string().regex(/^\/invite\/[A-Za-z0-9_-]+$/),
  /** Epoch ms when the link stops working. */
  expiresAt: z.number().int(),
  /** The staff member's name, or null (the command line, an import). */
  invitedBy: z.string().nullable(),
  /** Primary domains of the hosting accounts the login owns. */
  accounts: z.array(z.string()),
});

const wordsSchema = z.object({
  subject: z.string(),
  title: z.string(),
  greeting: z.string(),
  intro: z.string(),
  accounts: z.string(),
  choosePassword: z.string(),
  validity: z.string(),
  notExpected: z.string(),
  footer: z.string(),
});

export type InvitationWords = ReturnType<typeof createTranslator<typeof en, "InvitationMail">>;
const englishWords: InvitationWords = createTranslator({ locale: "en", messages: en, namespace: "InvitationMail" });

/** The invitation's sentences in one language (InvitationMail messages), put in the mail's data when it is queued. */
export function invitationWords(t: InvitationWords, data: z.input<typeof dataSchema>, locale: string): z.infer<typeof wordsSchema> {
  const count = data.accounts.length;
  return {
    subject: t("subject"),
    title: t("title"),
    greeting: t("greeting"),
    intro: data.invitedBy ? t("invitedBy", { inviter: data.invitedBy, count }) : t("invited", { count }),
    accounts: t("accounts", { count }),
    choosePassword: t("choosePassword"),
    validity: t("validity", { until: formatMailTime(data.expiresAt, locale) }),
    notExpected: t("notExpected"),
    footer: t("footer"),
  };
}

/** An invitation to the panel: the single-use link (its token only in the path), how long it works, and what comes after. */
export const invitation = defineMailTemplate({
  schema: dataSchema.extend({
    /** The recipient's language, and the mail's words in it (mails queued before translations: English). */
    locale: z.string().default("en"),
    words: wordsSchema.optional(),
  }),
  render(data, env) {
    const words = data.words ?? invitationWords(englishWords, data, "en");
    const link = new URL(data.linkPath, env.panelUrl).toString();
    const blocks: MailBlock[] = [
      { kind: "paragraph", text: words.intro },
      ...(data.accounts.length ? [{ kind: "facts" as const, rows: [{ label: words.accounts, value: data.accounts.join(", ") }] }] : []),
      { kind: "button", label: words.choosePassword, url: link },
      { kind: "paragraph", text: words.validity },
      { kind: "paragraph", text: words.notExpected },
    ];
    const { text, html } = layoutMail({ lang: data.locale, title: words.title, greeting: words.greeting, blocks, footer: words.footer });
    return { subject: words.subject, text, html };
  },
});
