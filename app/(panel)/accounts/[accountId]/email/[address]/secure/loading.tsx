import { SectionSkeleton, SkeletonPage } from "../../../skeleton";

/** This task's section while it loads, at its final size (the mailbox's title, summary and task buttons stay). */
export default function Loading() {
  return (
    <SkeletonPage label="Loading the lock-down…">
      <SectionSkeleton title="Secure this mailbox" height="min-h-[24rem]" />
    </SkeletonPage>
  );
}
