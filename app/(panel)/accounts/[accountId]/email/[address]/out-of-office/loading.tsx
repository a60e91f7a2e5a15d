import { SectionSkeleton, SkeletonPage } from "../../../skeleton";

/** This task's section while it loads, at its final size (the mailbox's title, summary and task buttons stay). */
export default function Loading() {
  return (
    <SkeletonPage label="Loading the automatic reply…">
      <SectionSkeleton title="Out of office" height="min-h-[36rem]" />
    </SkeletonPage>
  );
}
