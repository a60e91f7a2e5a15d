import { useTranslations } from "next-intl";
import { SectionSkeleton, SkeletonPage } from "../../../skeleton";

/** This task's section while it loads, at its final size (measured on the demo at 390 and 1366 px); the title, summary and task buttons stay. */
export default function Loading() {
  const t = useTranslations("Mailbox");
  return (
    <SkeletonPage label={t("loading.options")}>
      <SectionSkeleton title={t("headings.options")} height="min-h-[41rem] sm:min-h-[34.75rem]" />
      <SectionSkeleton title={t("headings.outgoing")} height="min-h-[19.625rem] sm:min-h-[12.125rem]" />
      <SectionSkeleton title={t("headings.delete")} height="min-h-[21.625rem] sm:min-h-[19.125rem]" />
    </SkeletonPage>
  );
}
