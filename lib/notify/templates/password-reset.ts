import { z } from "zod";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import { formatMailTime, layoutMail } from "./layout";
import { defineMailTemplate } from "./types";

const dataSchema = z.object({
  /** "/reset-password/<token>", relative to the panel's URL. */
  linkPath: z.string().regex(/^\/reset-password\/[A-Za-z0-9_-]+$/),
  /** Epoch ms when the link stops working. */
  expiresAt: z.number().int(),
  validMinutes: z.number().int().positive(),
});

const wordsSchema = z.object({
  subject: z.string(),
  title: z.string(),
  greeting: z.string(),
  asked: z.string(),
  choosePassword: z.string(),
  validity: z.string(),
  notAsked: z.string(),
  note: z.string(),
  footer: z.string(),
});

export type PasswordResetWords = ReturnType<typeof createTranslator<typeof en, "PasswordResetMail">>;
const englishWords: PasswordResetWords = createTranslator({ locale: "en", messages: en, namespace: "PasswordResetMail" });

/** The reset mail's sentences in one language (PasswordResetMail messages), put in the mail's data when it is queued. */
export function passwordResetWords(t: PasswordResetWords, data: z.input<typeof dataSchema>, locale: string): z.infer<typeof wordsSchema> {
  return {
    subject: t("subject"),
    title: t("title"),
    greeting: t("greeting"),
    asked: t("asked"),
    choosePassword: t("choosePassword"),
    validity: t("validity", { minutes: data.validMinutes, until: formatMailTime(data.expiresAt, locale) }),
    notAsked: t("notAsked"),
    note: t("note"),
    footer: t("footer"),
  };
}

/** A password-reset link (its token only in the path): single use, 30 minutes; two-factor sign-in stays as it is. */
export const passwordReset = defineMailTemplate({
  schema: dataSchema.extend({
    /** The recipient's language, and the mail's words in it (mails queued before translations: English). */
    locale: z.string().default("en"),
    words: wordsSchema.optional(),
  }),
  render(data, env) {
    const words = data.words ?? passwordResetWords(englishWords, data, "en");
    const link = new URL(data.linkPath, env.panelUrl).toString();
    const { text, html } = layoutMail({
      lang: data.locale,
      title: words.title,
      greeting: words.greeting,
      blocks: [
        { kind: "paragraph", text: words.asked },
        { kind: "button", label: words.choosePassword, url: link },
        { kind: "paragraph", text: words.validity },
        { kind: "warning", text: words.notAsked },
      ],
      footer: words.footer,
      note: words.note,
    });
    return { subject: words.subject, text, html };
  },
});
