import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listMyApiTokens } from "@/lib/mail/api-tokens";
import { READ_SCOPE, WRITE_SCOPE } from "@/lib/auth/scopes";
import { CreateApiTokenForm } from "@/components/api-tokens/create-api-token-form";
import { RevokeTokenButton } from "@/components/api-tokens/revoke-token-button";
import { IntlProvider } from "@/components/intl-provider";
import { LocalTime } from "@/components/local-time";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ApiTokens"))("title") };
}

export default async function ApiTokensPage() {
  const user = await requireUser();
  const [tokens, t] = await Promise.all([listMyApiTokens(user), getTranslations("ApiTokens")]);
  const scopes = [
    { value: READ_SCOPE, label: t("scopes.read.label"), description: t("scopes.read.description") },
    { value: WRITE_SCOPE, label: t("scopes.write.label"), description: t("scopes.write.description") },
  ];
  const columns = [t("columns.name"), t("columns.scopes"), t("columns.created"), t("columns.lastUsed"), t("columns.expires")];
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-700">
        {t.rich("intro", {
          link: (chunks) => (
            <a className="text-blue-800 underline" href="/api/v2/openapi.json">
              {chunks}
            </a>
          ),
          code: (chunks) => <code>{chunks}</code>,
        })}
      </p>
      <section aria-labelledby="tokens-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          {t("yourTokens")}
        </h2>
        {tokens.length === 0 ? (
          <p className="mt-2 text-sm">{t("none")}</p>
        ) : (
          // The revoke confirmation (ConfirmActionForm) speaks the reader's language too.
          <IntlProvider namespaces={["ApiTokens", "ConfirmAction"]}>
            <table className="mt-2 w-full text-left text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="bg-slate-100">
                <tr>
                  {columns.map((column) => (
                    <th key={column} scope="col" className="px-2 py-1">
                      {column}
                    </th>
                  ))}
                  <th scope="col" className="px-2 py-1">
                    <span className="sr-only">{t("columns.actions")}</span>
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
                    <td className="px-2 py-1">{token.lastUsedAt ? <LocalTime ms={token.lastUsedAt} /> : t("never")}</td>
                    <td className="px-2 py-1">{token.expiresAt ? <LocalTime ms={token.expiresAt} /> : t("never")}</td>
                    <td className="px-2 py-1">
                      <RevokeTokenButton tokenId={token.id} name={token.name} action={revokeApiTokenAction} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </IntlProvider>
        )}
      </section>
      <section aria-labelledby="create-token-heading" className="mt-4 rounded-md bg-white p-4 shadow-sm">
        <h2 id="create-token-heading" className="text-lg font-semibold">
          {t("createHeading")}
        </h2>
        <IntlProvider namespaces={["ApiTokens"]}>
          <CreateApiTokenForm action={createApiTokenAction} scopes={scopes} />
        </IntlProvider>
      </section>
    </>
  );
}
