"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { singleLine } from "@/lib/validation/single-line";
import { formAction } from "@/lib/actions/form-action";
import { translator } from "@/lib/i18n/server";
import type { ActionState } from "@/lib/actions/action-state";
import { addServer, checkServer, editServer, importAccountsAsAdmin, setServerEnabled } from "@/lib/mail/servers";

const reason = singleLine("The reason").max(500, "reasonTooLong").optional();
const name = singleLine("The name").trim().min(1, "nameRequired").max(100, "tooLong");
const baseUrl = z.string().trim().min(1, "serverUrlRequired").max(500, "tooLong");
const token = z.string().trim().max(500, "tooLong");
const caPem = z.string().trim().max(20_000, "certificateTooLong").optional();
const serverId = z.string().min(1).max(64);

const addServerSchema = z.object({
  name,
  baseUrl,
  authMode: z.enum(["whm", "cpanel"], { message: "tokenKindRequired" }),
  username: singleLine("The user name").trim().min(1, "tokenUserRequired").max(64, "tooLong"),
  token: token.min(1, "apiTokenRequired"),
  caPem,
  reason,
});

const addServerAction = formAction({
  schema: addServerSchema,
  keep: ["name", "baseUrl", "authMode", "username", "caPem", "reason"],
  run: async (context, input) => {
    const server = await addServer(context, { ...input, caPem: input.caPem || undefined });
    revalidatePath("/admin/servers");
    return (await translator("AdminServers"))("done.added", { server: server.name });
  },
});

/** Adds a cPanel/WHM server (admins only). */
export async function createServer(state: ActionState, formData: FormData): Promise<ActionState> {
  return addServerAction(state, formData);
}

const serverActionSchema = z.discriminatedUnion("operation", [
  // The check is read-only: no reason is asked (the field only keeps the union's keys common).
  z.object({ operation: z.literal("check"), serverId, reason }),
  z.object({ operation: z.literal("import"), serverId, reason }),
  z.object({ operation: z.literal("disable"), serverId, reason }),
  z.object({ operation: z.literal("enable"), serverId, reason }),
  z.object({
    operation: z.literal("edit"),
    serverId,
    name,
    baseUrl,
    token: token.optional(),
    caPem,
    removeCa: z.literal("on").optional(),
    reason,
  }),
]);

const serverAction = formAction({
  schema: serverActionSchema,
  keep: ["reason"],
  run: async (context, input, actor) => {
    const t = await translator("AdminServers");
    let message: string;
    if (input.operation === "check") {
      const check = await checkServer(actor, input.serverId);
      const counts = {
        server: check.serverName,
        failed: check.steps.filter((s) => s.status === "fail").length,
        warned: check.steps.filter((s) => s.status === "warn").length,
      };
      // The ACL names are WHM's own (and "WHM token" for a cPanel token, from lib/mail/server-check.ts).
      message =
        check.status === "ok"
          ? t("done.allPassed", counts)
          : check.missingAcls.length
            ? t("done.problemsMissing", { ...counts, acls: check.missingAcls.join(", ") })
            : t("done.problems", counts);
    } else if (input.operation === "import") {
      const r = await importAccountsAsAdmin(context, input.serverId);
      const counts = { server: r.name, created: r.created, updated: r.updated };
      message = r.missing ? t("done.importedMissing", { ...counts, missing: r.missing }) : t("done.imported", counts);
    } else if (input.operation === "edit") {
      const server = await editServer(context, input.serverId, {
        name: input.name,
        baseUrl: input.baseUrl,
        token: input.token || undefined,
        caPem: input.caPem || undefined,
        removeCa: input.removeCa === "on",
      });
      message = input.token ? t("done.savedWithToken", { server: server.name }) : t("done.saved", { server: server.name });
    } else {
      const { name: serverName } = await setServerEnabled(context, input.serverId, input.operation === "enable");
      message = input.operation === "enable" ? t("done.enabled", { server: serverName }) : t("done.disabled", { server: serverName });
    }
    revalidatePath("/admin/servers");
    return message;
  },
});

/** Checks, imports the accounts of, edits, disables or enables a server (admins only). */
export async function manageServer(state: ActionState, formData: FormData): Promise<ActionState> {
  return serverAction(state, formData);
}
