import { config, ConfigError } from "./lib/config";
import { installClientAddressStamp } from "./lib/http/client-address";
import { startJobWorker } from "./lib/jobs/queue";
import { bulkJobHandlers } from "./lib/mail/bulk-mailboxes";
import { mailboxIndexJobHandlers } from "./lib/mail/mailbox-index";
import { notifyJobHandlers } from "./lib/notify/mail-job";

// A bad configuration stops the server here, at start, with a message naming the variable.
try {
  config();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

// Every request carries the client address resolved from its socket (TRUST_PROXY decides whether
// X-Forwarded-For is believed); the sign-in limit and the audit log read only that.
installClientAddressStamp(config().TRUST_PROXY);

// The job queue's worker runs inside every panel process: it sends the queued mail, runs bulk mailbox actions and
// refreshes the mailbox index of support's address search.
// With REDIS_URL the instances share BullMQ's queue; else the jobs live in the app database and a job that was
// running when a process died is picked up again once its lease lapses.
startJobWorker({ ...notifyJobHandlers, ...bulkJobHandlers, ...mailboxIndexJobHandlers });
