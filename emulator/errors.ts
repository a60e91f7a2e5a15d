/** A function-level failure: UAPI answers `status: 0` with it, WHM `metadata.result: 0`, API 2 `error`. */
export class ApiError extends Error {}

/** cPanel's quoting in messages: “x”. */
export const q = (value: string): string => `“${value}”`;

export const texts = {
  // Cpanel/Args.pm
  missingArgument: (name: string) => `Provide the ${q(name)} argument.`,
  // Cpanel/Exception/MissingParameter.pm (WHM functions)
  missingParameter: (name: string) => `Provide the ${q(name)} parameter.`,
  // Cpanel/Exception/Email/AccountNotFound.pm
  noSuchMailbox: (address: string) => `You do not have an email account named ${q(address)}.`,
  // Cpanel/Exception/UserNotFound.pm
  noSuchUser: (user: string) => `You do not have a user named ${q(user)}.`,
  invalidEmail: (address: string) => `${q(address)} is not a valid email address.`,
  // Emulator's own wording (cPanel style; documented in docs/emulator.md).
  noSuchDomain: (domain: string) => `The domain ${q(domain)} does not exist on this account.`,
  invalidDomain: (domain: string) => `${q(domain)} is not a valid domain name.`,
  mailboxExists: (address: string) => `The email address ${q(address)} already exists.`,
  quotaTooLarge: (quota: number, max: number) => `The quota of ${quota} MB exceeds the maximum email quota of ${max} MB for this account.`,
  unlimitedNotAllowed: (max: number) => `You cannot set an unlimited quota: this account's maximum email quota is ${max} MB.`,
  invalidQuota: (value: string) => `${q(value)} is not a valid quota. Use a positive number of megabytes or “unlimited”.`,
  invalidInteger: (name: string, value: string) => `The ${q(name)} argument must be a whole number, not ${q(value)}.`,
  invalidChoice: (name: string, value: string, choices: string[]) =>
    `The ${q(name)} argument must be one of ${choices.map(q).join(", ")}, not ${q(value)}.`,
  noSuchForwarder: (address: string, forward: string) => `You do not have a forwarder from ${q(address)} to ${q(forward)}.`,
  noSuchDomainForwarder: (domain: string) => `You do not have a domain forwarder for ${q(domain)}.`,
  noSuchAutoresponder: (address: string) => `You do not have an autoresponder for ${q(address)}.`,
  invalidSystemUser: (user: string) => `${q(user)} is not a system user on this account.`,
  unknownModule: (module: string) => `Failed to load module ${q(module)}: the module does not exist.`,
  unknownFunction: (module: string, func: string) => `Could not find function ${q(func)} in module ${q(module)}.`,
  notYourAccount: (user: string) => `You do not have access to the account ${q(user)}.`,
  unknownWhmFunction: (name: string) => `Unknown app ("${name}") requested for this version (1) of the API.`,
};
