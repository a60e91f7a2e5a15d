import { useTranslations } from "next-intl";
import { SectionSkeleton, SkeletonPage } from "../../../skeleton";

/** This task's section while it loads, at its final size (measured on the demo at 390 and 1366 px); the title, summary and task buttons stay. */
export default function Loading() {
  const t = useTranslations("Mailbox");
  return (
    <SkeletonPage label={t("loading.secure")}>
      <SectionSkeleton title={t("headings.secure")} height="min-h-[34.625rem] sm:min-h-[24.625rem]" />
    </SkeletonPage>
  );
}
