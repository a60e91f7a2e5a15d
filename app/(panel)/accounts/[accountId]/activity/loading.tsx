import { useTranslations } from "next-intl";
import { AccountHeaderSkeleton, SkeletonPage } from "../skeleton";

/** The activity page's shape: header, then rows of changes (cards on a phone). */
export default function Loading() {
  const t = useTranslations("Activity");
  return (
    <SkeletonPage label={t("loading")} header={<AccountHeaderSkeleton title={t("heading", { domain: "example.com" })} current="activity" />}>
      <div className="mt-4 space-y-2 sm:space-y-px">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-48 rounded-md bg-white shadow-sm sm:h-14 sm:rounded-none" />
        ))}
      </div>
    </SkeletonPage>
  );
}
