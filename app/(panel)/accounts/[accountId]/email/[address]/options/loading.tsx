import { SectionSkeleton, SkeletonPage } from "../../../skeleton";

/** This task's section while it loads, at its final size (the mailbox's title, summary and task buttons stay). */
export default function Loading() {
  return (
    <SkeletonPage label="Loading the options…">
      <SectionSkeleton title="Options" height="min-h-[28rem]" />
      <SectionSkeleton title="Outgoing mail" height="min-h-[12rem]" />
      <SectionSkeleton title="Delete mailbox" height="min-h-[14rem]" />
    </SkeletonPage>
  );
}
