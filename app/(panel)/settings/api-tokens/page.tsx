import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listMyApiTokens } from "@/lib/mail/api-tokens";
import { READ_SCOPE, WRITE_SCOPE } from "@/lib/auth/scopes";
import { CreateApiTokenForm } from "@/components/api-tokens/create-api-token-form";
import { RevokeTokenButton } from "@/components/api-tokens/revoke-token-button";
import { LocalTime } from "@/components/local-time";
import { IntlProvider } from "@/components/intl-provider";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

const scopes = [
  { value: READ_SCOPE, label: "Read", description: "list hosting accounts and mailboxes" },
  { value: WRITE_SCOPE, label: "Write", description: "change passwords, forwarders and options (includes read)" },
];

export default async function ApiTokensPage() {
  const user = await requireUser();
  const tokens = await listMyApiTokens(user);
  return (
    <>
      <h1 className="text-2xl font-bold">API tokens</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-700">
        Scripts call the REST API (
        <a className="text-blue-800 underline" href="/api/v2/openapi.json">
          OpenAPI document
        </a>
        ) with <code>Authorization: Bearer …</code>. A token acts as you, on the accounts you can manage. Only a hash is stored: the token is shown
        once, when you create it.
      </p>
      <section aria-labelledby="tokens-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          Your tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="mt-2 text-sm">You have no API tokens.</p>
        ) : (
          <table className="mt-2 w-full text-left text-sm">
            <caption className="sr-only">Your API tokens</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-1">
                  Name
                </th>
                <th scope="col" className="px-2 py-1">
                  Scopes
                </th>
                <th scope="col" className="px-2 py-1">
                  Created
                </th>
                <th scope="col" className="px-2 py-1">
                  Last used
                </th>
                <th scope="col" className="px-2 py-1">
                  Expires
                </th>
                <th scope="col" className="px-2 py-1">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} className="border-t border-slate-200">
                  <td className="px-2 py-1 font-medium">{token.name}</td>
                  <td className="px-2 py-1 font-mono text-xs">{token.scopes.join(", ")}</td>
                  <td className="px-2 py-1">
                    <LocalTime ms={token.createdAt} />
                  </td>
                  <td className="px-2 py-1">{token.lastUsedAt ? <LocalTime ms={token.lastUsedAt} /> : "Never"}</td>
                  <td className="px-2 py-1">{token.expiresAt ? <LocalTime ms={token.expiresAt} /> : "Never"}</td>
                  <td className="px-2 py-1">
                    {/* Its confirmation (ConfirmActionForm) is translated already. */}
                    <IntlProvider namespaces={["ConfirmAction"]}>
                      <RevokeTokenButton tokenId={token.id} name={token.name} action={revokeApiTokenAction} />
                    </IntlProvider>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="create-token-heading" className="mt-4 rounded-md bg-white p-4 shadow-sm">
        <h2 id="create-token-heading" className="text-lg font-semibold">
          Create a token
        </h2>
        <CreateApiTokenForm action={createApiTokenAction} scopes={scopes} />
      </section>
    </>
  );
}
