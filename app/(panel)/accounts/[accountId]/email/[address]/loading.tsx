import { useTranslations } from "next-intl";
import { SectionSkeleton, SkeletonPage } from "../../skeleton";

/** The overview's shape while it loads, at its final size (measured on the demo at 390 and 1366 px); the layout's title, summary and task buttons are already there. */
export default function Loading() {
  const t = useTranslations("Mailbox");
  return (
    <SkeletonPage label={t("loading.overview")}>
      <SectionSkeleton title={t("headings.overview")} height="min-h-[29.75rem] sm:min-h-[13.5rem]" />
    </SkeletonPage>
  );
}
