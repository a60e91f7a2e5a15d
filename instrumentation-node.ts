import { config, ConfigError } from "./lib/config";
import { installClientAddressStamp } from "./lib/http/client-address";

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
