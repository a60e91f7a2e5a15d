import { SectionSkeleton, SkeletonPage } from "../../../skeleton";

/** This task's section while it loads, at its final size (the mailbox's title, summary and task buttons stay). */
export default function Loading() {
  return (
    <SkeletonPage label="Loading the password form…">
      <SectionSkeleton title="Change password" height="min-h-[30rem]" />
    </SkeletonPage>
  );
}
