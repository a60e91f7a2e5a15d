import { z } from "zod";
import { defineRoute } from "@/lib/api/route-spec";
import { hostingAccountSchema } from "@/lib/api/schemas";

/** /api/v2/shared-hosting (DESIGN §7). */
export const hostingAccountsRoute = defineRoute("/api/v2/shared-hosting", {
  GET: {
    summary: "List the hosting accounts you may manage",
    access: "read",
    params: z.object({}),
    response: { status: 200, description: "The accounts", schema: z.object({ data: z.array(hostingAccountSchema) }) },
    errors: ["unauthorized", "forbidden"],
  },
});
