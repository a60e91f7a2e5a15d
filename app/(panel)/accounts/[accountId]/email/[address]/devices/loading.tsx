import { useTranslations } from "next-intl";
import { SectionSkeleton, SkeletonPage } from "../../../skeleton";

/** This task's section while it loads, at its final size (measured on the demo at 390 and 1366 px); the title, summary and task buttons stay. */
export default function Loading() {
  const t = useTranslations("Mailbox");
  return (
    <SkeletonPage label={t("loading.devices")}>
      <SectionSkeleton title={t("headings.webmail")} height="min-h-[11.5625rem] sm:min-h-[9.0625rem]" />
      <SectionSkeleton title={t("headings.devices")} height="min-h-[45.5rem] sm:min-h-[26rem]" />
    </SkeletonPage>
  );
}
