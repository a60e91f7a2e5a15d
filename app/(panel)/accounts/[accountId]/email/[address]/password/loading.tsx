import { useTranslations } from "next-intl";
import { SectionSkeleton, SkeletonPage } from "../../../skeleton";

/** This task's section while it loads, at its final size (measured on the demo at 390 and 1366 px); the title, summary and task buttons stay. */
export default function Loading() {
  const t = useTranslations("Mailbox");
  return (
    <SkeletonPage label={t("loading.password")}>
      <SectionSkeleton title={t("headings.password")} height="min-h-[39.75rem] sm:min-h-[31.75rem]" />
    </SkeletonPage>
  );
}
