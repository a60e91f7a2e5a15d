"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { singleLine } from "@/lib/validation/single-line";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { addServer, checkServer, editServer, importAccountsAsAdmin, setServerEnabled } from "@/lib/mail/servers";

const reason = singleLine("The reason").max(500, "Keep the reason under 500 characters").optional();
const name = singleLine("The name").trim().min(1, "Enter a name").max(100, "Use at most 100 characters");
const baseUrl = z.string().trim().min(1, "Enter the server's URL, e.g. https://host.example.com:2087").max(500, "Use at most 500 characters");
const token = z.string().trim().max(500, "Use at most 500 characters");
const caPem = z.string().trim().max(20_000, "Paste one certificate (at most 20,000 characters)").optional();
const serverId = z.string().min(1).max(64);

const addServerSchema = z.object({
  name,
  baseUrl,
  authMode: z.enum(["whm", "cpanel"], { message: "Choose the kind of token" }),
  username: singleLine("The user name")
    .trim()
    .min(1, "Enter the user the token belongs to (root, a reseller, or the cPanel user)")
    .max(64, "Use at most 64 characters"),
  token: token.min(1, "Paste the API token"),
  caPem,
  reason,
});

const addServerAction = formAction({
  schema: addServerSchema,
  keep: ["name", "baseUrl", "authMode", "username", "caPem", "reason"],
  run: async (context, input) => {
    const server = await addServer(context, { ...input, caPem: input.caPem || undefined });
    revalidatePath("/admin/servers");
    return `Added ${server.name}. Its token is stored encrypted and is not shown again. Run "Check" next.`;
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
    let message: string;
    if (input.operation === "check") {
      const check = await checkServer(actor, input.serverId);
      const failed = check.steps.filter((s) => s.status === "fail").length;
      const warned = check.steps.filter((s) => s.status === "warn").length;
      message =
        check.status === "ok"
          ? `${check.serverName}: every check passed.`
          : `${check.serverName}: ${failed} failed, ${warned} with a warning${check.missingAcls.length ? `; missing: ${check.missingAcls.join(", ")}` : ""}. See the last check below.`;
    } else if (input.operation === "import") {
      const r = await importAccountsAsAdmin(context, input.serverId);
      message = `${r.name}: ${r.created} new account${r.created === 1 ? "" : "s"}, ${r.updated} refreshed${r.missing ? `, ${r.missing} no longer listed by WHM (kept)` : ""}.`;
    } else if (input.operation === "edit") {
      const server = await editServer(context, input.serverId, {
        name: input.name,
        baseUrl: input.baseUrl,
        token: input.token || undefined,
        caPem: input.caPem || undefined,
        removeCa: input.removeCa === "on",
      });
      message = `Saved ${server.name}${input.token ? "; the new token is stored encrypted" : ""}.`;
    } else {
      const { name: serverName } = await setServerEnabled(context, input.serverId, input.operation === "enable");
      message =
        input.operation === "enable"
          ? `${serverName} is enabled: the panel calls it again.`
          : `${serverName} is disabled: its accounts are not called until it is enabled.`;
    }
    revalidatePath("/admin/servers");
    return message;
  },
});

/** Checks, imports the accounts of, edits, disables or enables a server (admins only). */
export async function manageServer(state: ActionState, formData: FormData): Promise<ActionState> {
  return serverAction(state, formData);
}
