import { config, ConfigError } from "./lib/config";

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
