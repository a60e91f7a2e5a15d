import autocannon from "autocannon";
import { MAILBOX_PASSWORD, LOAD_MAILBOXES, type Panel, type Stack } from "../support/stack";
import { summarize, type Timing } from "../support/stats";

export type LoadRow = {
  panel: string;
  users: number;
  seconds: number;
  requests: number;
  throughput: number;
  latency: Timing;
  statuses: Record<string, number>;
  errors: number;
};

/**
 * N signed-in users at once, each on its own connection and account, for `seconds`: in turn the REST mailbox list,
 * the mailbox list page and a password change (REST PUT, a different mailbox each time). Errors are transport
 * errors, timeouts and every answer other than 200.
 */
export async function benchLoad(stack: Stack, panel: Panel, cookies: string[], seconds: number): Promise<LoadRow> {
  let next = 0;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url: panel.base,
    connections: cookies.length,
    duration: seconds,
    timeout: 20,
    setupClient(client) {
      const i = next++ % cookies.length;
      const { accountId } = stack.users[i]!;
      const headers = { cookie: cookies[i]!, "content-type": "application/json" };
      let mailbox = 0;
      client.setRequests([
        { method: "GET", path: `/api/v2/shared-hosting/${accountId}/email-accounts`, headers },
        { method: "GET", path: `/accounts/${accountId}/email`, headers },
        {
          method: "PUT",
          headers,
          setupRequest: (request) => ({
            ...request,
            path: `/api/v2/shared-hosting/${accountId}/email-accounts/${encodeURIComponent(`box${mailbox++ % LOAD_MAILBOXES}@load${i}.test`)}/password`,
            body: JSON.stringify({ newPassword: MAILBOX_PASSWORD }),
          }),
        },
      ]);
    },
  });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const non200 = Object.entries(statuses).reduce((sum, [status, count]) => sum + (status === "200" ? 0 : count), 0);
  return {
    panel: panel.name,
    users: cookies.length,
    seconds,
    requests: latencies.length,
    throughput: latencies.length / seconds,
    latency: summarize(latencies),
    statuses,
    errors: result.errors + result.timeouts + non200,
  };
}
