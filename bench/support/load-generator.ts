/**
 * The load test's generator, run as its own process so that the bench can give it a lower CPU priority than the
 * panel and the emulator (bench/sections/load.ts): autocannon with one connection per signed-in user, each user in
 * turn listing mailboxes (REST), opening the list page and changing a password (REST PUT). Reads its job as JSON
 * from argv, sends the latencies per kind of request back over IPC.
 */
import autocannon from "autocannon";

export type LoadJob = {
  base: string;
  seconds: number;
  mailboxesPerUser: number;
  password: string;
  users: { cookie: string; accountId: string; domain: string }[];
};

export const REQUEST_KINDS = ["REST list", "list page", "password change"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export type LoadReport = {
  latencies: Record<RequestKind, number[]>;
  statuses: Record<string, number>;
  transportErrors: number;
  timeouts: number;
};

async function run(job: LoadJob): Promise<LoadReport> {
  let next = 0;
  const latencies: LoadReport["latencies"] = { "REST list": [], "list page": [], "password change": [] };
  const statuses: Record<string, number> = {};
  // One connection per user without pipelining: answers come in the order the requests were sent.
  const sent = new WeakMap<object, number>();
  const instance = autocannon({
    url: job.base,
    connections: job.users.length,
    duration: job.seconds,
    timeout: 20,
    setupClient(client) {
      const user = job.users[next++ % job.users.length]!;
      const headers = { cookie: user.cookie, "content-type": "application/json" };
      let mailbox = 0;
      client.setRequests([
        { method: "GET", path: `/api/v2/shared-hosting/${user.accountId}/email-accounts`, headers },
        { method: "GET", path: `/accounts/${user.accountId}/email`, headers },
        {
          method: "PUT",
          headers,
          setupRequest: (request) => ({
            ...request,
            path: `/api/v2/shared-hosting/${user.accountId}/email-accounts/${encodeURIComponent(`box${mailbox++ % job.mailboxesPerUser}@${user.domain}`)}/password`,
            body: JSON.stringify({ newPassword: job.password }),
          }),
        },
      ]);
    },
  });
  instance.on("response", (client, statusCode, _bytes, responseTime) => {
    const n = sent.get(client) ?? 0;
    sent.set(client, n + 1);
    latencies[REQUEST_KINDS[n % REQUEST_KINDS.length]!].push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  return { latencies, statuses, transportErrors: result.errors, timeouts: result.timeouts };
}

// Only when bench/sections/load.ts forks this file (it also imports its types and kinds).
if (process.env.MAILROOM_LOAD_GENERATOR === "1" && process.send) {
  const job = JSON.parse(process.argv[2]!) as LoadJob;
  run(job).then(
    (report) => process.send!(report, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
