import { AccountHeaderSkeleton, SectionSkeleton, SkeletonPage } from "../skeleton";

/** The forwarders page's shape: header, the address forwarders and the domain forwarders sections. */
export default function Loading() {
  return (
    <SkeletonPage label="Loading the forwarders…" header={<AccountHeaderSkeleton title="Forwarders of example.com" current="forwarders" />}>
      <SectionSkeleton title="Address forwarders" lines={2} height="min-h-[28rem]" />
      <SectionSkeleton title="Domain forwarders" lines={2} height="min-h-[16rem]" />
    </SkeletonPage>
  );
}
