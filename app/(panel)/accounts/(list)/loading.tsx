// Only the account list has a loading state: pages that can answer 404 must decide before streaming starts.
import { useTranslations } from "next-intl";

export default function Loading() {
  const t = useTranslations("Accounts");
  return (
    <p role="status" className="text-sm text-slate-700">
      {t("loading")}
    </p>
  );
}
