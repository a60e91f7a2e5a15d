import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The 404 text, the same for a page that doesn't exist and one that belongs to someone else. */
export async function NotFoundMessage() {
  const t = await getTranslations("NotFound");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <p className="mt-2">{t("text")}</p>
      <p className="mt-4">
        <Link href="/accounts" className="text-blue-800 underline underline-offset-2">
          {t("goToAccounts")}
        </Link>
      </p>
    </>
  );
}
