// A form submitted twice with the same submission key makes one change in cPanel and gets the same answer twice.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withDemoPanel } from "../support/panel";
import { fakeSession, signInAs } from "../support/signed-in";
import { changePassword } from "@/app/(panel)/accounts/[accountId]/email/[address]/actions";
import { createMailboxForm as createMailbox } from "@/app/(panel)/accounts/[accountId]/email/create-mailbox-actions";

vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: async () => fakeSession() }));
vi.mock("next/server", async (original) => ({ ...(await original<object>()), connection: async () => undefined }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("react", async (original) => ({ ...(await original<object>()), cache: <T>(fn: T) => fn }));

const panel = withDemoPanel();

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

beforeAll(async () => {
  await signInAs("customer@example.com");
});

describe("a double submit", () => {
  it("changes a password once and answers both submits alike", async () => {
    const { accountId, emulator } = panel();
    await emulator.control.clearRequestCounts();
    const fields = {
      accountId: accountId.shopcp,
      address: "dev@shop.example",
      newPassword: "Copper-lantern-2026-quay",
      confirmPassword: "Copper-lantern-2026-quay",
      submissionKey: randomUUID(),
    };
    const [first, second] = await Promise.all([changePassword({ status: "idle" }, form(fields)), changePassword({ status: "idle" }, form(fields))]);
    const answers = [first, second].map((s) => s.status);
    // One ran; the other either waited its turn (already being sent) or replayed the answer.
    expect(answers).toContain("success");
    expect((await emulator.control.requestCounts())["Email::passwd_pop"]).toBe(1);

    const third = await changePassword({ status: "idle" }, form(fields));
    expect(third).toEqual(first.status === "success" ? first : second);
    expect((await emulator.control.requestCounts())["Email::passwd_pop"]).toBe(1);
  });

  it("creates a mailbox once; a new key is a new submission", async () => {
    const { accountId, emulator } = panel();
    const fields = {
      accountId: accountId.shopcp,
      localPart: "twice",
      domain: "shop.example",
      password: "Copper-lantern-2026-quay",
      confirmPassword: "Copper-lantern-2026-quay",
      quota: "100",
      submissionKey: randomUUID(),
    };
    const first = await createMailbox({ status: "idle" }, form(fields));
    const again = await createMailbox({ status: "idle" }, form(fields));
    expect(first).toMatchObject({ status: "success" });
    expect(again).toEqual(first);
    const fresh = await createMailbox({ status: "idle" }, form({ ...fields, submissionKey: randomUUID() }));
    expect(fresh).toMatchObject({ status: "error", fieldErrors: { localPart: [expect.stringContaining("already")] } });
    const state = await emulator.control.state("shopcp");
    expect(state.mailboxes.filter((m: { email: string }) => m.email === "twice@shop.example")).toHaveLength(1);
  });
});
