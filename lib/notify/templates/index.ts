import type { MailTemplate } from "./types";
import { securityAlert } from "./security-alert";
import { invitation } from "./invitation";
import { passwordReset } from "./password-reset";

/**
 * Every mail the panel sends, by name. Adding one: a file beside this one that exports
 * `defineMailTemplate({ schema, render })`, and one line here.
 */
export const mailTemplates = {
  "security-alert": securityAlert,
  invitation: invitation,
  "password-reset": passwordReset,
} satisfies Record<string, MailTemplate>;

export type MailTemplateName = keyof typeof mailTemplates;

export type { MailTemplate, RenderedMail } from "./types";
export { defineMailTemplate } from "./types";
