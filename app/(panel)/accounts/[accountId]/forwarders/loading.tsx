import { useTranslations } from "next-intl";
import { AccountHeaderSkeleton, SectionSkeleton, SkeletonPage } from "../skeleton";

/** The forwarders page's shape: header, the address forwarders and the domain forwarders sections. */
export default function Loading() {
  const t = useTranslations("Forwarders");
  return (
    <SkeletonPage label={t("loading")} header={<AccountHeaderSkeleton title={t("heading", { domain: "example.com" })} current="forwarders" />}>
      <SectionSkeleton title={t("addressHeading")} lines={2} height="min-h-[28rem]" />
      <SectionSkeleton title={t("domainHeading")} lines={2} height="min-h-[16rem]" />
    </SkeletonPage>
  );
}
