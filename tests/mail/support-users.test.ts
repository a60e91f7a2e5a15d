// Panel users (/admin/users) through the domain layer: admins only, a reason each time, never on oneself.
import { describe, expect, it } from "vitest";
import { actorFor, withDemoPanel } from "../support/panel";
import { listAuditEvents } from "@/lib/audit";
import { findUserByEmail } from "@/lib/db/users";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { writeContext } from "@/lib/core/write-context";
import { changePanelUserRole, createPanelUser, listPanelUsers, setPanelUserLocked, signOutPanelUser } from "@/lib/mail/panel-users";

const panel = withDemoPanel();
const REASON = "Ticket #8080: staffing change";

describe("panel users", () => {
  it("admins list, create, change role, lock, unlock and sign out users, each audited with the reason", async () => {
    const admin = await actorFor("admin@example.com");
    const context = () => writeContext(admin, "web", REASON);
    expect((await listPanelUsers(admin)).map((u) => u.email)).toContain("support@example.com");

    await createPanelUser(context(), { email: "New.Hire@example.com", role: "support", password: "Harbor-violet-2026" });
    const created = (await findUserByEmail("new.hire@example.com"))!;
    expect(created.role).toBe("support");

    await changePanelUserRole(context(), created.id, "admin");
    const promoted = (await findUserByEmail("new.hire@example.com"))!;
    expect(promoted.role).toBe("admin");
    expect(promoted.sessionVersion).toBeGreaterThan(created.sessionVersion);

    await setPanelUserLocked(context(), created.id, true);
    expect((await findUserByEmail("new.hire@example.com"))!.lockedAt).not.toBeNull();
    await setPanelUserLocked(context(), created.id, false);
    expect((await findUserByEmail("new.hire@example.com"))!.lockedAt).toBeNull();
    const before = (await findUserByEmail("new.hire@example.com"))!.sessionVersion;
    await signOutPanelUser(context(), created.id);
    expect((await findUserByEmail("new.hire@example.com"))!.sessionVersion).toBe(before + 1);

    const actions = (await listAuditEvents({ actorUserId: admin.id, limit: 20 })).map((e) => [e.action, e.reason]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ["user.create", REASON],
        ["user.role.change", REASON],
        ["user.lock", REASON],
        ["user.unlock", REASON],
        ["user.sessions.revoke", REASON],
      ]),
    );
    expect(JSON.stringify(await listAuditEvents({ limit: 100 }))).not.toContain("Harbor-violet-2026");
  });

  it("support and customers get not found; an admin cannot change their own account; a duplicate email is a field error", async () => {
    const { support, customer } = panel();
    const admin = await actorFor("admin@example.com");
    await expect(listPanelUsers(support)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listPanelUsers(customer)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setPanelUserLocked(writeContext(support, "web", REASON), customer.id, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(changePanelUserRole(writeContext(admin, "web", REASON), admin.id, "customer")).rejects.toBeInstanceOf(ValidationError);
    await expect(setPanelUserLocked(writeContext(admin, "web", "short"), customer.id, true)).rejects.toBeInstanceOf(ValidationError);
    const duplicate = await createPanelUser(writeContext(admin, "web", REASON), {
      email: "support@example.com",
      role: "support",
      password: "Harbor-violet-2026",
    }).catch((e: unknown) => e);
    expect((duplicate as ValidationError).fieldErrors.email).toBeDefined();
  });
});
