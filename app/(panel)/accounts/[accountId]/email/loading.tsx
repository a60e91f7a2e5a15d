import { useTranslations } from "next-intl";
import { AccountHeaderSkeleton, Bar, SkeletonPage } from "../skeleton";
import { MailboxListSkeleton } from "./list-skeleton";

/** The mailbox list's shape while the page is on its way: header, search, a few rows, the create form's box. */
export default function Loading() {
  const t = useTranslations("Mailboxes");
  return (
    <SkeletonPage label={t("loading")} header={<AccountHeaderSkeleton title={t("heading", { domain: "example.com" })} current="email" />}>
      <div className="mt-4 flex flex-wrap items-end gap-2">
        <div>
          <p className="text-sm font-medium">
            <Bar text={t("search")} />
          </p>
          <div className="mt-1 h-[38px] w-72 max-w-full rounded-md bg-slate-200" />
        </div>
        <div className="h-8 w-20 rounded-md bg-slate-200" />
      </div>
      <MailboxListSkeleton />
    </SkeletonPage>
  );
}
