import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { upstreamMessage } from "@/lib/i18n/upstream";
import { requireUser } from "@/lib/auth/session";
import type { Actor } from "@/lib/core/actor";
import { isStaff } from "@/lib/auth/roles";
import { UpstreamError } from "@/lib/core/errors";
import { DEFAULT_NEW_QUOTA_MB, mailboxCreationContext } from "@/lib/mail/mailbox-lifecycle";
import { ErrorPanel } from "@/components/error-panel";
import { CreateMailboxForm } from "@/components/options/create-mailbox-form";
import { pageParam, stringParam } from "@/lib/search-params";
import { SearchForm } from "@/components/search-form";
import { accountOr404, accountPageMetadata } from "../account-or-404";
import { AccountHeader } from "../account-header";
import { createMailboxForm } from "./create-mailbox-actions";
import { MailboxListSkeleton } from "./list-skeleton";
import { MailboxTable } from "./mailbox-table";

export const generateMetadata = accountPageMetadata(async (domain) => (await getTranslations("Mailboxes"))("heading", { domain }));

type Props = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function MailboxesPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { accountId } = await params;
  const account = await accountOr404(user, accountId);
  const t = await getTranslations("Mailboxes");
  const search = await searchParams;
  const query = stringParam(search.q);
  const page = pageParam(search.page);
  // Set by the delete action's redirect; only an address is shown, never arbitrary text from a link.
  const deleted = /^[^\s@]{1,64}@[a-z0-9.-]{1,253}$/i.test(stringParam(search.deleted)) ? stringParam(search.deleted) : "";

  return (
    <>
      <AccountHeader account={account} title={t("heading", { domain: account.primaryDomain })} current="email" />
      <div className="mt-4">
        <SearchForm label={t("search")} defaultValue={query} placeholder={t("searchPlaceholder")} />
      </div>
      {deleted ? (
        <p role="status" className="mt-4 rounded-md border border-emerald-600 bg-emerald-50 p-3 text-sm">
          {t("deleted", { address: deleted })}
        </p>
      ) : null}
      {/* The list and the create form stream in as one piece, the last of the page: the shell never waits for cPanel
          (its 404 is decided above), and nothing on it moves when they arrive, however long the list (no layout shift). */}
      <Suspense key={`${query}|${page}`} fallback={<MailboxListFallback label={t("loadingList")} />}>
        <section aria-label={t("listLabel")} className="mt-4">
          <MailboxTable user={user} accountId={account.id} query={query} page={page} />
        </section>
        <section aria-labelledby="create-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
          <h2 id="create-heading" className="text-lg font-semibold">
            {t("createHeading")}
          </h2>
          <CreateMailboxSection user={user} accountId={account.id} />
        </section>
      </Suspense>
    </>
  );
}

function MailboxListFallback({ label }: { label: string }) {
  return (
    <div aria-busy="true">
      <p role="status" className="sr-only">
        {label}
      </p>
      <div aria-hidden="true" className="animate-pulse motion-reduce:animate-none">
        <MailboxListSkeleton />
      </div>
    </div>
  );
}

/** The create form, with the account's domains, maximum quota and cPanel's required password strength read first. */
async function CreateMailboxSection({ user, accountId }: { user: Actor; accountId: string }) {
  let context;
  try {
    context = await mailboxCreationContext(user, accountId);
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    return (
      <ErrorPanel title={(await getTranslations("Mailboxes"))("createUnavailable")}>
        <p>{await upstreamMessage(error)}</p>
      </ErrorPanel>
    );
  }
  return (
    <CreateMailboxForm
      accountId={accountId}
      {...context}
      defaultQuotaMb={DEFAULT_NEW_QUOTA_MB}
      requireReason={isStaff(user.role)}
      action={createMailboxForm}
    />
  );
}
